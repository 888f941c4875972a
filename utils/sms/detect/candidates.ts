// Visual separators people put inside phone numbers: spaces (incl. no-break and thin), hyphens and
// dashes, dots, slashes ("030/1234567") and parentheses. Newlines are left out: a number never
// wraps onto the next line of a CRM field.
function isSeparator(code: number): boolean {
  return code === 32 || code === 40 || code === 41 || code === 45 || code === 46 || code === 47 || code === 0xa0 || code === 0x2009 || code === 0x202f || (code >= 0x2010 && code <= 0x2013);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

export interface Span {
  start: number;
  end: number;
}

/**
 * Every candidate in `text`: digit groups joined by runs of one to four separators, optionally
 * opened by "+", "(" or "(+" — what /(?:\+|\(\+?)?\d+(?:SEPARATOR{1,4}\d+)*\/g matches, scanned by
 * hand: a regex's match arrays were a good part of the garbage made on a large page. Linear: every
 * character is looked at once or twice.
 */
export function candidateSpans(text: string): Span[] {
  const spans: Span[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    // Where the digits start, opened by "+", "(" or "(+" when one comes right before them.
    let digits = -1;
    if (isDigit(code)) digits = index;
    else if (code === 43 /* + */ && isDigit(text.charCodeAt(index + 1))) digits = index + 1;
    else if (code === 40 /* ( */) {
      if (isDigit(text.charCodeAt(index + 1))) digits = index + 1;
      else if (text.charCodeAt(index + 1) === 43 && isDigit(text.charCodeAt(index + 2))) digits = index + 2;
    }
    if (digits < 0) {
      index += 1;
      continue;
    }
    let end = digits;
    while (end < length && isDigit(text.charCodeAt(end))) end += 1;
    // A joint continues the candidate only when one to four separators lead to another digit.
    for (;;) {
      let joint = end;
      while (joint < length && joint - end < 5 && isSeparator(text.charCodeAt(joint))) joint += 1;
      if (joint === end || joint - end > 4 || !isDigit(text.charCodeAt(joint))) break;
      end = joint;
      while (end < length && isDigit(text.charCodeAt(end))) end += 1;
    }
    spans.push({ start: index, end });
    index = end;
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
