import type { CountryCode } from 'libphonenumber-js/core';

/**
 * Countries whose numbers Parley recognizes. Every country costs metadata in the content script,
 * which runs on every CRM page, so the list holds the markets our customers text (North America,
 * the UK and Ireland, western Europe, India, Australia/New Zealand, Brazil and Mexico) rather than
 * all 245. A number from elsewhere is simply not detected; adding a country here and regenerating
 * (`npx tsx utils/sms/detect/metadata/generate.ts`) is all it takes.
 */
export const SUPPORTED_COUNTRIES = [
  'US', 'CA', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'ES', 'PT', 'IT', 'IN', 'AU', 'NZ', 'BR', 'MX',
] as const satisfies readonly CountryCode[];

export type SupportedCountry = (typeof SUPPORTED_COUNTRIES)[number];

/**
 * Countries where a national number is commonly written without its trunk prefix ("98765 43210"
 * for "098765 43210"). Everywhere else a national number that lacks it ("30 1234567" in Germany)
 * is not how anyone writes a phone number, so the detector takes such a digit run for something
 * else (a date, a code, an amount).
 */
export const TRUNK_PREFIX_OFTEN_OMITTED: ReadonlySet<string> = new Set<SupportedCountry>(['IN']);
