export { findPhoneNumbers, type FindPhoneNumbersOptions, type PhoneMatch, type Verdicts } from './find';
export { normalizeToE164 } from './normalize';
export { SUPPORTED_COUNTRIES, type SupportedCountry } from './metadata';
