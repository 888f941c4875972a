import { HOST_TAGS } from './detect';
import type { PageContext } from './page-context';
import { mountSmsButtons } from './sms-button';
import { findSpots, type SpotOptions } from './spots';

// Mutations are handled in batches: a CRM rendering a list adds its rows one by one.
const BATCH_MS = 150;

/** The added subtrees worth scanning: connected, not ours, not inside another one of the batch. */
function rootsOf(nodes: Iterable<Node>): Element[] {
  const elements = new Set<Element>();
  for (const node of nodes) {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (element?.isConnected && !element.closest(HOST_TAGS.join(','))) elements.add(element);
  }
  return [...elements].filter((element) => {
    for (let up = element.parentElement; up; up = up.parentElement) if (elements.has(up)) return false;
    return true;
  });
}

/**
 * Adds SMS buttons to every number on the page now and to what the CRM renders later (most CRMs
 * are single-page apps): each batch of mutations scans only the added or edited subtrees. Stops
 * with the content-script context.
 */
export function watchPhoneNumbers(ctx: PageContext, options: SpotOptions, onClick: (e164: string) => void): void {
  const seen = new WeakSet<Node>();
  const scan: SpotOptions = { ...options, verdicts: options.verdicts ?? new Map() };
  mountSmsButtons(findSpots([document.body], seen, scan), onClick);

  let changed = new Set<Node>();
  let pending = false;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        // Edited text is read again.
        seen.delete(record.target);
        changed.add(record.target);
      } else for (const node of record.addedNodes) changed.add(node);
    }
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      const batch = changed;
      changed = new Set();
      mountSmsButtons(findSpots(rootsOf(batch), seen, scan), onClick);
    }, BATCH_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
