import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SupportedCountry } from '../sms/detect';
import { noteFieldOnScreen, readCase, type CrmProfile } from './profiles';

// CRMs render a case in several passes; the report waits for the page to settle.
const SETTLE_MS = 300;

/**
 * Tells the background which case this tab shows (or that it shows none) whenever that changes:
 * after load, SPA navigation and re-rendering. The background links a conversation to the case
 * and ends the link when the agent navigates away.
 */
export function reportCaseOnScreen(ctx: ContentScriptContext, profile: () => CrmProfile, defaultCountry: SupportedCountry): { hasNoteField: () => boolean } {
  let last = '';
  let hasNoteField = false;
  const report = () => {
    const url = new URL(location.href);
    const found = readCase(profile(), document, url, { defaultCountry });
    hasNoteField = noteFieldOnScreen(profile(), document, url) !== null;
    const payload = { url: url.href, case: found, hasNoteField };
    const key = JSON.stringify(payload);
    if (key === last) return;
    last = key;
    browser.runtime.sendMessage({ name: 'crm→bg:case-on-screen', payload }).catch((error: unknown) => console.warn('[parley] could not report the case', error));
  };
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      report();
    }, SETTLE_MS);
  };
  report();
  const observer = new MutationObserver(later);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', later);
  ctx.onInvalidated(() => observer.disconnect());
  return { hasNoteField: () => hasNoteField };
}
