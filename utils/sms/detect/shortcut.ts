import { Metadata } from 'libphonenumber-js/core/es6';
import { phoneMetadata, type SupportedCountry } from './metadata';

/**
 * A shortcut through libphonenumber for North American numbers, most of what a US or Canadian CRM
 * shows. libphonenumber checks a +1 number's digits against the US, then the Canadian patterns to
 * pick its country, then again to validate it, building each (kilobyte-long) regular expression
 * anew every time; here the same patterns of the same metadata are compiled once. It only ever
 * says yes: anything it is not sure of (another shape, another country, digits no pattern takes)
 * goes the whole way through libphonenumber, and a unit test holds its yes to libphonenumber's on
 * generated numbers of every shape.
 */

// The types libphonenumber validates against (getNumberType).
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const NANP_COUNTRIES: readonly SupportedCountry[] = ['US', 'CA'];

interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  nationalNumberPattern(): string;
  type(name: string): TypeDefinition | undefined;
}

type Matcher = (nationalNumber: string) => boolean;

let nanpMatchers: Matcher[] | undefined;

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);

/** Per NANP country: does libphonenumber give this national number a type there? */
function matchers(): Matcher[] {
  return (nanpMatchers ??= NANP_COUNTRIES.map((country) => {
    const metadata = new Metadata(phoneMetadata);
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as Plan;
    const national = entirely(plan.nationalNumberPattern());
    const types = TYPES.flatMap((name) => {
      const type = plan.type(name);
      return type?.pattern() ? [{ pattern: entirely(type.pattern()), lengths: type.possibleLengths() }] : [];
    });
    return (number) => national.test(number) && types.some(({ pattern, lengths }) => (!lengths || lengths.includes(number.length)) && pattern.test(number));
  }));
}

// Plain ASCII digits and the separators of North American writing, "+" only first ("(+1)" is not read as +1).
const SHAPE = /^\+?[\d ().-]+$/;

/** The E.164 form of `raw` when it is a valid North American number, else undefined (not sure: ask libphonenumber). */
export function nanpE164(raw: string, digits: string, defaultCountry: SupportedCountry): string | undefined {
  if (!SHAPE.test(raw)) return undefined;
  let national: string | undefined;
  if (raw.includes('+')) national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : undefined;
  else if (NANP_COUNTRIES.includes(defaultCountry)) {
    if (digits.length === 10 && /^[2-9]/.test(digits)) national = digits;
    else if (digits.length === 11 && /^1[2-9]/.test(digits)) national = digits.slice(1);
  }
  return national !== undefined && matchers().some((matches) => matches(national)) ? `+1${national}` : undefined;
}
