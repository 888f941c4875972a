import type { SupportedCountry } from './metadata';
import { parseValidNumber } from './parse';

/**
 * The E.164 form of one phone number typed in a field or taken from a `tel:` link, or null when it
 * is not a valid number. Visual separators, "+" and "00" are accepted; a `tel:` URI's parameters
 * (";ext=12", ";phone-context=…") are dropped because E.164 has no room for them.
 */
export function normalizeToE164(input: string, defaultCountry?: SupportedCountry): string | null {
  const value = telUriNumber(input) ?? input;
  if (!/\d/.test(value)) return null;
  return parseValidNumber(value, defaultCountry)?.number ?? null;
}

function telUriNumber(input: string): string | undefined {
  const uri = /^\s*tel:([^;]*)/i.exec(input);
  if (!uri) return undefined;
  try {
    return decodeURIComponent(uri[1] ?? '');
  } catch {
    return '';
  }
}
