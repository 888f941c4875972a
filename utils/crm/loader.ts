import { browser } from 'wxt/browser';
import { mayHoldPhoneNumbers, textMayHoldPhoneNumber } from './candidates';
import type { PageContext } from './page-context';

// Mutations are checked in batches: a CRM rendering a table adds thousands of nodes in one go.
const BATCH_MS = 100;

/** Asks the background to inject the detector script into this frame (it checks the sender's tab). */
export function requestDetector(): Promise<unknown> {
  return browser.runtime.sendMessage({ name: 'crm→bg:load-detector', payload: {} });
}

function nodeMayHoldPhoneNumbers(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return textMayHoldPhoneNumber(node.nodeValue ?? '');
  return node instanceof Element && mayHoldPhoneNumbers(node);
}

/**
 * The small script every CRM page gets: it loads the detector (libphonenumber, the CRM profiles,
 * the SMS buttons) only once the page shows something that may be a phone number, now or after
 * the CRM renders more. The background injects the detector on its own for a chat request.
 */
export function loadDetectorWhenNeeded(ctx: PageContext, load: () => Promise<unknown> = requestDetector): void {
  const start = () => load().catch((error: unknown) => console.warn('[parley] could not load the phone detector', error));
  if (mayHoldPhoneNumbers(document.body)) {
    void start();
    return;
  }
  let added: Node[] = [];
  let pending = false;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') added.push(record.target);
      else added.push(...record.addedNodes);
    }
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      const batch = added;
      added = [];
      if (!batch.some(nodeMayHoldPhoneNumbers)) return;
      observer.disconnect();
      void start();
    }, BATCH_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
