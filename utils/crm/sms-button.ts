import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '../i18n';
import type { PhoneSpot } from './detect';

// Inline and small so the page's line boxes barely move; the shadow root keeps CRM styles out.
const css = `
  :host { display: inline-block !important; margin-inline-start: 0.35em; vertical-align: baseline; }
  button {
    font: 600 11px/1.6 system-ui, sans-serif; letter-spacing: 0.02em;
    color: #fff; background: #2f6f5e; border: 0; border-radius: 999px;
    padding: 0 0.7em; cursor: pointer;
  }
  button:hover { background: #255a4c; }
  button:focus-visible { outline: 2px solid #2f6f5e; outline-offset: 2px; }
`;

/** Puts an "SMS" button right after a number found in the page. */
export async function mountSmsButton(ctx: ContentScriptContext, spot: PhoneSpot, onClick: (e164: string) => void): Promise<void> {
  const parent = spot.after.parentElement;
  if (!parent) return;
  const ui = await createShadowRootUi(ctx, {
    name: 'parley-sms',
    mode: 'open',
    position: 'inline',
    anchor: parent,
    append: (_anchor, host) => (spot.after as ChildNode).after(host),
    css,
    onMount(container) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('smsButton');
      button.setAttribute('aria-label', t('smsButtonLabel', spot.hit.formatted));
      button.title = t('smsButtonLabel', spot.hit.formatted);
      button.addEventListener('click', (event) => {
        // The number may sit inside a CRM link or row with its own click handler.
        event.preventDefault();
        event.stopPropagation();
        onClick(spot.hit.e164);
      });
      container.append(button);
    },
  });
  ui.mount();
}
