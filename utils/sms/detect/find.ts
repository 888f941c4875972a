import { candidateSpans, countDigits, pieces, type Span } from './candidates';
import { rejectedByTextAfter, rejectedByTextBefore } from './context';
import { readExtension, type ExtensionMatch } from './extension';
import type { SupportedCountry } from './metadata';
import { omitsTrunkPrefix, parseValidNumber } from './parse';
import { shortcutE164 } from './shortcut';
import { looksLikeSomethingElse } from './shapes';

export interface PhoneMatch {
  /** Offsets into the text; the span covers the extension when there is one. */
  start: number;
  end: number;
  raw: string;
  e164: string;
  extension?: string;
}

/** Candidate text (with the default country) → its E.164 number, or null when it is not one. */
export type Verdicts = Map<string, string | null>;

export interface FindPhoneNumbersOptions {
  /** How to read numbers written nationally, without "+" or "00". */
  defaultCountry: SupportedCountry;
  /**
   * Verdicts already reached, kept by a caller that scans one page again and again: CRM lists
   * repeat the same numbers (a customer's every case, rows a list re-renders), and libphonenumber's
   * validation is most of the cost of detection.
   */
  verdicts?: Verdicts;
}

// The shortest national numbers we support have 7 digits; E.164 allows 15 plus a "00" prefix.
const MIN_DIGITS = 7;
const MAX_DIGITS = 17;
// A phone number is written in at most 6 whitespace-separated pieces ("+33 1 23 45 67 89").
const MAX_PIECES = 6;

/**
 * Finds phone numbers in a piece of page text. Pure and stateless, so a content script can call
 * it per text node as the CRM page changes. A cheap scan proposes digit runs, context and shape
 * rules drop dates, amounts and codes, and libphonenumber validates what is left.
 */
export function findPhoneNumbers(text: string, { defaultCountry, verdicts }: FindPhoneNumbersOptions): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  for (const candidate of candidateSpans(text)) {
    const raw = text.slice(candidate.start, candidate.end);
    if (countDigits(raw) < MIN_DIGITS) continue;
    if (rejectedByTextBefore(text, candidate.start)) continue;
    // Before the text after: a date or a range alone in its cell is common and needs no extension read.
    if (looksLikeSomethingElse(raw)) continue;
    const extension = readExtension(text, candidate.end);
    if (rejectedByTextAfter(text, extension?.end ?? candidate.end)) continue;

    const whole = validE164(raw, defaultCountry, verdicts);
    if (whole) {
      matches.push(phoneMatch(text, candidate.start, candidate.end, raw, whole, extension));
      continue;
    }
    for (const number of validPiecesWithin(text, candidate, defaultCountry, verdicts)) {
      const extended = number.span.end === candidate.end ? extension : undefined;
      matches.push(phoneMatch(text, number.span.start, number.span.end, undefined, number.e164, extended));
    }
  }
  return matches;
}

/** The match of a number found at start…end (`raw` when the caller has already sliced it), taking in its extension. */
function phoneMatch(text: string, start: number, end: number, raw: string | undefined, e164: string, extension: ExtensionMatch | undefined): PhoneMatch {
  if (!extension) return { start, end, raw: raw ?? text.slice(start, end), e164 };
  return { start, end: extension.end, raw: text.slice(start, extension.end), e164, extension: extension.extension };
}

/**
 * When the candidate is not one valid number as a whole: the longest valid runs of its pieces,
 * left to right, for lists like "503 555 0142 / 503 555 0199" or a stray figure beside a number.
 */
function validPiecesWithin(text: string, candidate: Span, country: SupportedCountry, verdicts: Verdicts | undefined): { span: Span; e164: string }[] {
  const parts = pieces(text, candidate);
  const found: { span: Span; e164: string }[] = [];
  for (let first = 0; first < parts.length; first += 1) {
    for (let last = Math.min(parts.length, first + MAX_PIECES) - 1; last >= first; last -= 1) {
      if (first === 0 && last === parts.length - 1) continue;
      const span = { start: parts[first]!.start, end: parts[last]!.end };
      const raw = text.slice(span.start, span.end);
      const e164 = looksLikeSomethingElse(raw) ? undefined : validE164(raw, country, verdicts);
      if (e164) {
        found.push({ span, e164 });
        first = last;
        break;
      }
    }
  }
  return found;
}

// Cleared when full rather than evicted one by one, which keeps the bookkeeping off the hot path.
const VERDICTS_KEPT = 20_000;

function validE164(raw: string, country: SupportedCountry, verdicts: Verdicts | undefined): string | undefined {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return undefined;
  // The shortcut (shortcut.ts) answers faster than a verdict is kept (a CRM list of distinct numbers
  // made the bookkeeping cost more than the check); only libphonenumber's verdicts are kept.
  const quick = shortcutE164(raw, digits, country);
  if (quick || !verdicts) return quick ?? libphonenumberE164(raw, digits, country);
  const key = `${country} ${raw}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdict = libphonenumberE164(raw, digits, country) ?? null;
    verdicts.set(key, verdict);
  }
  return verdict ?? undefined;
}

/** libphonenumber's verdict, all countries; a national number must be written as the country writes it. */
export function libphonenumberE164(raw: string, digits: string, country: SupportedCountry): string | undefined {
  const phone = parseValidNumber(raw, country);
  if (!phone) return undefined;
  const international = /^\(?(?:\+|00)/.test(raw);
  return international || !omitsTrunkPrefix(phone, digits) ? phone.number : undefined;
}
