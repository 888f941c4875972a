import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Customer numbers: parsed with libphonenumber (national formats use defaultCountry) and accepted when
 * the length is *possible* for the country. We deliberately do not require isValid(): fictional
 * 555 numbers used in demos and tests are possible but not "valid" in libphonenumber's metadata.
 * Returns E.164 or null.
 */
export function normalizeCustomerNumber(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/**
 * Business lines (DIDs, short codes) come from operator config and need only be well-formed E.164:
 * the operator knows its own numbers better than any metadata (new ranges, test lines). Formatting
 * characters are stripped.
 */
export function normalizeLineNumber(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{3,14}$/.test(compact) ? compact : null;
}
