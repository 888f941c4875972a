import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core/es6';
import { phoneMetadata, TRUNK_PREFIX_OFTEN_OMITTED } from './metadata';

/**
 * Parses `text` as exactly one phone number (nothing extracted from surrounding text) and returns
 * it only when libphonenumber validates its digits. A leading "00" is the international prefix in
 * every supported country, so it reads as "+" even where the default country dials out
 * differently (011 in North America).
 */
export function parseValidNumber(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  const international = text.replace(/^\s*\(?00(?=[1-9])/, '+');
  const phone = parsePhoneNumberFromString(international, { defaultCountry, extract: false }, phoneMetadata);
  return phone?.isValid() ? phone : undefined;
}

/**
 * True when `digits`, written nationally, leave out the trunk prefix the country's national format
 * starts with ("30 1234567" for Berlin's "030 1234567").
 */
export function omitsTrunkPrefix(phone: PhoneNumber, digits: string): boolean {
  if (phone.country !== undefined && TRUNK_PREFIX_OFTEN_OMITTED.has(phone.country)) return false;
  const nationalDigits = phone.formatNational().replace(/\D/g, '');
  return nationalDigits.length > digits.length && nationalDigits.endsWith(digits);
}
