import { onLocationChange, type PageContext } from './page-context';
import { sendToBackground } from './page-runtime';
import type { CaseOnScreen } from './profiles/schema';

// CRMs render a case in several passes; the report waits for the page to settle.
const SETTLE_MS = 300;

/** What the page shows: the case (null on pages that are not a case's) and whether it has a note field. */
export interface CaseReport {
  case: CaseOnScreen | null;
  hasNoteField: boolean;
}

/**
 * Tells the background which case this tab shows (or that it shows none) whenever that changes:
 * after load, SPA navigation and re-rendering. The background links a conversation to the case
 * and ends the link when the agent navigates away. `read` reads the screen: on a case page it
 * needs the case reader, which the detector loads on demand.
 */
export function reportCaseOnScreen(ctx: PageContext, read: (url: URL) => CaseReport | Promise<CaseReport>): void {
  let last = '';
  let reporting = Promise.resolve();
  const report = async () => {
    const url = new URL(location.href);
    const payload = { url: url.href, ...(await read(url)) };
    const key = JSON.stringify(payload);
    if (key === last || !ctx.isValid) return;
    last = key;
    await sendToBackground('crm→bg:case-on-screen', payload);
  };
  const next = () => {
    reporting = reporting.then(report).catch((error: unknown) => console.warn('[parley] could not report the case', error));
  };
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      next();
    }, SETTLE_MS);
  };
  next();
  const observer = new MutationObserver(later);
  observer.observe(document.body, { childList: true, subtree: true });
  onLocationChange(ctx, later);
  ctx.onInvalidated(() => observer.disconnect());
}
