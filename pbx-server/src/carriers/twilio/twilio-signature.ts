import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Twilio signs every webhook with the account's auth token: X-Twilio-Signature =
 * base64(HMAC-SHA1(authToken, fullUrl + every POST parameter as name + value, names sorted)).
 *
 * Use: the webhook route rebuilds the URL exactly as Twilio called it (scheme, host, port, path and
 * query - behind a proxy that means the public URL, not the one the server sees), parses the
 * form body into a name -> value record and calls isValidTwilioSignature before trusting anything in
 * it; a false answer should be a 403 with no side effects.
 */

/** Form fields of the webhook, decoded. Twilio sends each name once, so one value per name is enough. */
export type TwilioFormParams = Readonly<Record<string, string>>;

export function computeTwilioSignature(authToken: string, fullUrl: string, params: TwilioFormParams): string {
  // Sorted by code unit, as Twilio's own helper libraries do, so the order does not depend on locale.
  const names = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let signed = fullUrl;
  for (const name of names) signed += name + params[name];
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

export function isValidTwilioSignature(
  authToken: string,
  fullUrl: string,
  params: TwilioFormParams,
  headerValue: string | null | undefined,
): boolean {
  if (!headerValue) return false;
  const expected = Buffer.from(computeTwilioSignature(authToken, fullUrl, params), 'utf8');
  const received = Buffer.from(headerValue, 'utf8');
  // timingSafeEqual throws on unequal lengths; a length mismatch reveals nothing about the secret
  // because every valid signature has the same length (28 base64 characters).
  if (expected.length !== received.length) return false;
  return timingSafeEqual(expected, received);
}
