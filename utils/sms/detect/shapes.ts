// Digit runs that pass the candidate scan, and sometimes even libphonenumber's validation (a
// German area code makes "2019-2026" look dialable), but whose shape says what they really are.

const DATE = /(?:^|\s)(?:\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2(?:\d{4}|\d{2}))(?=\s|$)/;
const TIME_RANGE = /(?:^|\s)\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}(?=\s|$)/;
const YEAR_RANGE = /^(?:1[89]|20)\d{2}\s*[-–/]\s*(?:(?:1[89]|20)\d{2}|\d{2})$/;
const ZIP_PLUS_4 = /^\d{5}-\d{4}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// Cards and parcel codes are printed in blocks of four; Amex and Diners as 4-6-5 and 4-6-4.
const BLOCKS_OF_FOUR = /^\d{4}(?:[ -]\d{4}){2,}(?:[ -]\d{1,4})?$/;
const AMEX_OR_DINERS = /^\d{4}[ -]\d{6}[ -]\d{4,5}$/;
// "131.0.6778.204", "4.12.0.1": a single-digit component after the first is a version, not a
// phone number ("1.713.555.0123" is a phone number: there the single digit is the country code).
const DOTTED_VERSION = /^\d+(?:\.\d+)*\.\d(?:\.\d+)+$/;
// Four or more one-digit groups ("5 - 0 - 3 - 5 - 5") are a row of figures; no numbering plan
// writes a phone number that way. Counted in a loop rather than matched with a backtracking
// pattern: this runs on every candidate.
function hasFourSingleDigitGroups(raw: string): boolean {
  let single = 0;
  let run = 0;
  for (let index = 0; index <= raw.length; index += 1) {
    const code = index < raw.length ? raw.charCodeAt(index) : -1;
    if (code >= 48 && code <= 57) run += 1;
    else {
      if (run === 1 && ++single === 4) return true;
      run = 0;
    }
  }
  return false;
}
const ISBN_13 = /^97[89][- ]\d/;
// Without separators or an international prefix, a national number is at most 12 digits (a German
// mobile with its trunk zero); longer runs are account, IMEI or tracking numbers.
const LONG_BARE_RUN = /^\d{13,}$/;

export function looksLikeSomethingElse(raw: string): boolean {
  return (
    DATE.test(raw) ||
    TIME_RANGE.test(raw) ||
    YEAR_RANGE.test(raw) ||
    ZIP_PLUS_4.test(raw) ||
    isIpAddress(raw) ||
    DOTTED_VERSION.test(raw) ||
    hasFourSingleDigitGroups(raw) ||
    BLOCKS_OF_FOUR.test(raw) ||
    AMEX_OR_DINERS.test(raw) ||
    ISBN_13.test(raw) ||
    LONG_BARE_RUN.test(raw)
  );
}

/** Dotted quads of octets ≤ 255. A leading zero ("02.123.45.67") is a Belgian trunk prefix, not an IP. */
function isIpAddress(raw: string): boolean {
  const octets = IPV4.exec(raw)?.slice(1);
  return octets !== undefined && !raw.startsWith('0') && octets.every((octet) => Number(octet) <= 255);
}
