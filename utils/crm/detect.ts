import { findPhoneNumbers, normalizeToE164, type PhoneMatch, type SupportedCountry, type Verdicts } from '../sms/detect';
import { countDigits } from '../sms/detect/candidates';

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

// The shortest number detected has seven digits (utils/sms/detect).
const MIN_DIGITS = 7;

/** Our own elements in the page; never scanned. */
export const HOST_TAGS = ['parley-sms', 'parley-dock'];

// Where page text is not scanned: code, form fields, rich-text editors, tel: links (their own
// spots) and our own elements.
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', ...HOST_TAGS]);

const EDITABLE = new Set(['', 'true', 'plaintext-only']);

/**
 * Whether text in this element is left alone, checked in script: a few attribute reads cost less
 * than matching a list of selectors for every cell that holds a number. contenteditable is an
 * enumerated attribute, so "TRUE" makes an editor too.
 */
function isSkipped(element: Element): boolean {
  if (SKIP_TAGS.has(element.localName)) return true;
  if (element.localName === 'a' && element.getAttribute('href')?.startsWith('tel:')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && EDITABLE.has(editable.toLowerCase());
}

/**
 * Whether an element is, or is inside, one whose text is not scanned (isSkipped), for one pass: the
 * elements found clear are remembered, so the rows of a table ask only about their own cells and
 * row rather than every ancestor up to the document each time.
 */
function skipChecker(): (element: Element | null) => boolean {
  const clear = new Set<Element>();
  return (start) => {
    let known = start;
    for (; known && !clear.has(known); known = known.parentElement) if (isSkipped(known)) return true;
    for (let element = start; element && element !== known; element = element.parentElement) clear.add(element);
    return false;
  };
}

/** Phone numbers in page text; dates, amounts, order and postal codes are not (utils/sms/detect). */
export function findNumbers(text: string, defaultCountry: SupportedCountry = 'US', verdicts?: Verdicts): PhoneMatch[] {
  return findPhoneNumbers(text, { defaultCountry, verdicts });
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
  // detection itself. Only text with seven digits goes to the detector, and only text holding a
  // number asks whether it sits where nothing is scanned.
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const skipped = skipChecker();
  const found: Array<{ text: Text; length: number; numbers: ReturnType<typeof findNumbers> }> = [];
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    // Each read of a text node's data makes a new string: text too short for a number is not read,
    // the rest is read once.
    if (text.length < MIN_DIGITS) continue;
    const data = text.nodeValue!;
    if (countDigits(data) < MIN_DIGITS || seen.has(text)) continue;
    const numbers = findNumbers(data, defaultCountry, verdicts);
    if (numbers.length > 0 && !skipped(text.parentElement)) found.push({ text, length: data.length, numbers });
  }

  for (const { text, length, numbers } of found) {
    // Split at the end of each number, left to right: `current` is the text still to the right.
    // Only text that held a number is remembered: text without one costs nothing to read again.
    let current = text;
    let consumed = 0;
    for (const { end, e164, raw: formatted } of numbers) {
      seen.add(current);
      const rest = end < length ? current.splitText(end - consumed) : null;
      spots.push({ after: current, hit: { e164, formatted } });
      if (!rest) break;
      seen.add(rest);
      current = rest;
      consumed = end;
    }
  }
  return spots;
}
