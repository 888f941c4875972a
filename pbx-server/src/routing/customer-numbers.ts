import { normalizeCustomerNumber } from '../phone/normalize';

// Senders remembered; past this many the memory starts over (a plain bound, no eviction order).
const CAPACITY = 50_000;

/**
 * Inbound senders as the inbound path keys them: E.164, or verbatim when not a phone number
 * (carriers may deliver alphanumeric sender ids). Remembered per sender, because the same customers
 * text again and again and parsing with libphonenumber was ~3% of a follow-up text's CPU (profile of
 * the inbound bench on PGlite).
 */
export class CustomerNumbers {
  private readonly known = new Map<string, string>();

  normalize(from: string): string {
    let customer = this.known.get(from);
    if (customer === undefined) {
      if (this.known.size >= CAPACITY) this.known.clear();
      customer = normalizeCustomerNumber(from) ?? from;
      this.known.set(from, customer);
    }
    return customer;
  }
}
