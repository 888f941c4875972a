import { findPhoneNumbers, normalizeToE164, type SupportedCountry } from '../sms/detect';

export interface PhoneHit {
  e164: string;
  /** The number as the page shows it, for the button's label ("(503) 555-0142"). */
  formatted: string;
}

/** Where a number ends in the page: the SMS button goes right after `after`. */
export interface PhoneSpot {
  after: Node;
  hit: PhoneHit;
}

/** Our own elements in the page; never scanned. */
export const HOST_TAGS = ['parley-sms', 'parley-dock'];

const SKIP = `script, style, noscript, template, textarea, input, select, [contenteditable=""], [contenteditable="true"], a[href^="tel:"], ${HOST_TAGS.join(', ')}`;

/** Phone numbers in page text; dates, amounts, order and postal codes are not (utils/sms/detect). */
export function findNumbers(text: string, defaultCountry: SupportedCountry = 'US'): Array<PhoneHit & { end: number }> {
  return findPhoneNumbers(text, { defaultCountry }).map(({ e164, raw, end }) => ({ e164, formatted: raw, end }));
}

/** A `tel:` link's number; the label is the link's own text when it has one. */
export function numberFromTelHref(href: string, label?: string, defaultCountry: SupportedCountry = 'US'): PhoneHit | null {
  const e164 = normalizeToE164(href, defaultCountry);
  return e164 ? { e164, formatted: label || e164 } : null;
}

/**
 * Finds numbers under `root` not seen before. A text node holding a number is split right after
 * it, so the button can sit next to the number without touching the rest of the text. `seen`
 * remembers processed nodes so rescans after page mutations add nothing twice.
 */
export function scanForNumbers(root: Element, seen: WeakSet<Node>, defaultCountry: SupportedCountry = 'US'): PhoneSpot[] {
  const spots: PhoneSpot[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')) {
    if (seen.has(link) || link.closest(HOST_TAGS.join(','))) continue;
    seen.add(link);
    const hit = numberFromTelHref(link.getAttribute('href') ?? '', link.textContent?.trim(), defaultCountry);
    if (hit) spots.push({ after: link, hit });
  }

  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      seen.has(node) || !node.nodeValue?.trim() || node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);

  for (const text of texts) {
    seen.add(text);
    // Split at the end of each number, left to right: `current` is the text still to the right.
    let current = text;
    let consumed = 0;
    for (const { end, ...hit } of findNumbers(text.data, defaultCountry)) {
      const rest = end - consumed < current.data.length ? current.splitText(end - consumed) : null;
      spots.push({ after: current, hit });
      if (!rest) break;
      seen.add(rest);
      current = rest;
      consumed = end;
    }
  }
  return spots;
}
