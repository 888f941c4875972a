// Visual separators people put inside phone numbers: spaces (incl. no-break and thin), hyphens and
// dashes, dots, slashes ("030/1234567") and parentheses. Newlines are left out: a number never
// wraps onto the next line of a CRM field.
const SEPARATOR = '[-. /()\\u00A0\\u2009\\u202F\\u2010-\\u2013]';

/**
 * Digit groups joined by short separator runs, optionally opened by "+", "(" or "(+". Every group
 * is digits and every joint is non-digits, so the scan is linear — no backtracking on long pages.
 */
const CANDIDATE = new RegExp(`(?:\\+|\\(\\+?)?\\d+(?:${SEPARATOR}{1,4}\\d+)*`, 'g');

export interface Span {
  start: number;
  end: number;
}

/** Every candidate in `text`. A plain exec loop: matchAll's iterator and a generator cost more than the scan on a large page. */
export function candidateSpans(text: string): Span[] {
  const spans: Span[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * The whitespace- or slash-delimited pieces of a candidate ("(503) 555-0142 / 503 555 0199" →
 * "(503)", "555-0142", "503", "555", "0199"), the only places where two numbers written side by
 * side, or a number and a stray figure, can be told apart.
 */
export function pieces(text: string, span: Span): Span[] {
  const result: Span[] = [];
  for (const match of text.slice(span.start, span.end).matchAll(/[^\s/]+/g)) {
    result.push({ start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return result;
}

/** The ASCII digits in `text` (what `\d` matches); a loop, not a regex replace: it runs on every candidate. */
export function countDigits(text: string): number {
  let digits = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}
