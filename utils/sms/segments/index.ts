export { analyzeSms, type SmsAnalysis, type SmsEncoding } from './analyze';
export { splitForSending, LEGACY_MESSAGE_CHARACTERS } from './split';
