import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scanForNumbers } from './detect';
import { mountSmsButton } from './sms-button';

/**
 * Adds SMS buttons to every number on the page now and whenever the CRM renders more (most CRMs
 * are single-page apps). Rescans are debounced and stop with the content-script context.
 */
export function watchPhoneNumbers(ctx: ContentScriptContext, onClick: (e164: string) => void): void {
  const seen = new WeakSet<Node>();
  const scan = () => {
    for (const spot of scanForNumbers(document.body, seen)) {
      mountSmsButton(ctx, spot, onClick).catch((error) => console.warn('[parley] could not add an SMS button', error));
    }
  };
  scan();

  let pending: number | undefined;
  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    pending = ctx.setTimeout(() => {
      pending = undefined;
      scan();
    }, 250);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
