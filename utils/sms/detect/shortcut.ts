import { Metadata } from 'libphonenumber-js/core/es6';
import { phoneMetadata, type SupportedCountry } from './metadata';

/**
 * A shortcut through libphonenumber for the numbers CRMs show most: international ones ("+44 20
 * 7946 0958") and North American ones written nationally ("(503) 555-0142"). libphonenumber reads
 * them the same way every time but builds each of its (often kilobyte-long) regular expressions
 * anew for every check, and checks a +1 number's type once to pick US or Canada and again to
 * validate it. Here the same patterns of the same metadata are compiled once and the same steps
 * taken. It only ever says yes: anything it is not sure of (another shape, a national prefix to
 * strip, digits no pattern takes) goes the whole way through libphonenumber, and a unit test holds
 * its yes to libphonenumber's on generated numbers of every supported country and shape.
 */

// The types libphonenumber validates against (getNumberType).
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const NANP: readonly SupportedCountry[] = ['US', 'CA'];
// libphonenumber's longest calling code (MAX_LENGTH_COUNTRY_CODE).
const MAX_CALLING_CODE = 3;

interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  type(name: string): TypeDefinition | undefined;
}

interface Country {
  id: string;
  /** libphonenumber's national prefix for parsing: a national part it matches is left to libphonenumber. */
  prefix: RegExp | undefined;
  leadingDigits: RegExp | undefined;
  /** Does libphonenumber give this national number a type (is it valid) here? */
  valid: (nationalNumber: string) => boolean;
}

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const countries = new Map<string, Country>();

function countryOf(id: string): Country {
  let country = countries.get(id);
  if (!country) {
    const metadata = new Metadata(phoneMetadata);
    metadata.selectNumberingPlan(id as SupportedCountry);
    const plan = metadata.numberingPlan as unknown as Plan;
    const national = entirely(plan.nationalNumberPattern());
    const types = TYPES.flatMap((name) => {
      const type = plan.type(name);
      return type?.pattern() ? [{ pattern: entirely(type.pattern()), lengths: type.possibleLengths() }] : [];
    });
    const prefix = plan.nationalPrefixForParsing();
    const leadingDigits = plan.leadingDigits();
    country = {
      id,
      prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
      leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
      valid: (number) => national.test(number) && types.some(({ pattern, lengths }) => (!lengths || lengths.includes(number.length)) && pattern.test(number)),
    };
    countries.set(id, country);
  }
  return country;
}

/** The country libphonenumber gives a national number among those sharing its calling code (getCountryByNationalNumber). */
function countryAmong(ids: readonly string[], nationalNumber: string): Country | undefined {
  for (const id of ids) {
    const country = countryOf(id);
    if (country.leadingDigits ? nationalNumber.search(country.leadingDigits) === 0 : country.valid(nationalNumber)) return country;
  }
  return undefined;
}

const callingCodes = phoneMetadata.country_calling_codes as Record<string, string[]>;

/** "+<calling code><national number>" as libphonenumber reads it, when no national prefix is in the way. */
function international(digits: string): string | undefined {
  for (let length = 1; length <= MAX_CALLING_CODE && length < digits.length; length += 1) {
    const ids = callingCodes[digits.slice(0, length)];
    if (!ids) continue;
    const nationalNumber = digits.slice(length);
    if (ids.some((id) => countryOf(id).prefix?.test(nationalNumber))) return undefined;
    const country = countryAmong(ids, nationalNumber);
    return country?.valid(nationalNumber) ? `+${digits.slice(0, length)}${nationalNumber}` : undefined;
  }
  return undefined;
}

/** A North American number written nationally, with or without its leading 1. */
function northAmerican(digits: string): string | undefined {
  const nationalNumber = digits.length === 10 && /^[2-9]/.test(digits) ? digits : digits.length === 11 && /^1[2-9]/.test(digits) ? digits.slice(1) : undefined;
  return nationalNumber && countryAmong(NANP, nationalNumber) ? `+1${nationalNumber}` : undefined;
}

// Plain ASCII digits and common separators, "+" only first ("(+1)" is not read as +1).
const SHAPE = /^\+?[\d ().-]+$/;

/** The E.164 form of `raw` when the shortcut is sure it is a valid number, else undefined (ask libphonenumber). */
export function shortcutE164(raw: string, digits: string, defaultCountry: SupportedCountry): string | undefined {
  if (!SHAPE.test(raw)) return undefined;
  if (raw.startsWith('+')) return digits.startsWith('0') ? undefined : international(digits);
  return NANP.includes(defaultCountry) ? northAmerican(digits) : undefined;
}
