/**
 * The loader's cheap test: could this page (or this newly rendered part of it) hold a phone number?
 * No libphonenumber, no zod: it runs on every CRM page, and only a "maybe" loads the detector. It
 * errs towards "maybe" (an order number passes too); the detector decides.
 */

// Seven digits with at most three separator characters between any two: the shortest national
// number of every supported country, written any common way.
const DIGIT_RUN = /\d(?:[\s().\-/\u00A0]{0,3}\d){6}/;

// Elements that are phone fields or links whatever their text: tel: links, telephone inputs,
// inputs whose autocomplete, name or id says phone.
const PHONE_ELEMENTS = [
  'a[href^="tel:" i]',
  'input[type="tel" i]',
  'input[autocomplete*="tel" i]',
  'input[name*="phone" i]',
  'input[id*="phone" i]',
  'input[name*="mobile" i]',
  'input[name*="tel" i]',
].join(',');

/** True when `root` has a phone-like element or a seven-digit run in its text or form values. */
export function mayHoldPhoneNumbers(root: Element | DocumentFragment): boolean {
  if (root instanceof Element && root.matches(PHONE_ELEMENTS)) return true;
  if (root.querySelector(PHONE_ELEMENTS)) return true;
  return DIGIT_RUN.test(root.textContent ?? '');
}

/** True when a text node (an edit of the page's text) looks like it holds a phone number. */
export function textMayHoldPhoneNumber(text: string): boolean {
  return DIGIT_RUN.test(text);
}
