import { findPhoneNumbers, normalizeToE164, type SupportedCountry, type Verdicts } from '../sms/detect';

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

const DIGIT = /\d/;

/** Our own elements in the page; never scanned. */
export const HOST_TAGS = ['parley-sms', 'parley-dock'];

const SKIP = `script, style, noscript, template, textarea, input, select, [contenteditable=""], [contenteditable="true"], a[href^="tel:"], ${HOST_TAGS.join(', ')}`;

/** Phone numbers in page text; dates, amounts, order and postal codes are not (utils/sms/detect). */
export function findNumbers(text: string, defaultCountry: SupportedCountry = 'US', verdicts?: Verdicts): Array<PhoneHit & { end: number }> {
  return findPhoneNumbers(text, { defaultCountry, verdicts }).map(({ e164, raw, end }) => ({ e164, formatted: raw, end }));
}

/** A `tel:` link's number; the label is the link's own text when it has one. */
export function numberFromTelHref(href: string, label?: string, defaultCountry: SupportedCountry = 'US'): PhoneHit | null {
  const e164 = normalizeToE164(href, defaultCountry);
  return e164 ? { e164, formatted: label || e164 } : null;
}

/**
 * Finds numbers under `root` not seen before. A text node holding a number is split right after
 * it, so the button can sit next to the number without touching the rest of the text. `seen`
 * remembers processed nodes so rescans after page mutations add nothing twice; `verdicts` the numbers
 * already validated on the page, so a number repeated in rows or rendered again is not re-checked.
 */
export function scanForNumbers(root: Element, seen: WeakSet<Node>, defaultCountry: SupportedCountry = 'US', verdicts?: Verdicts): PhoneSpot[] {
  const spots: PhoneSpot[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')) {
    if (seen.has(link) || link.closest(HOST_TAGS.join(','))) continue;
    seen.add(link);
    const hit = numberFromTelHref(link.getAttribute('href') ?? '', link.textContent?.trim(), defaultCountry);
    if (hit) spots.push({ after: link, hit });
  }

  // No filter callback: calling into script for each of a large page's nodes costs more than the
  // detection itself. Only text with a digit is read, and only text holding a number asks closest().
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Array<{ text: Text; numbers: ReturnType<typeof findNumbers> }> = [];
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (!DIGIT.test(text.data) || seen.has(text)) continue;
    const numbers = findNumbers(text.data, defaultCountry, verdicts);
    if (numbers.length > 0 && !text.parentElement?.closest(SKIP)) found.push({ text, numbers });
  }

  for (const { text, numbers } of found) {
    // Split at the end of each number, left to right: `current` is the text still to the right.
    // Only text that held a number is remembered: text without one costs nothing to read again.
    let current = text;
    let consumed = 0;
    for (const { end, ...hit } of numbers) {
      seen.add(current);
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
