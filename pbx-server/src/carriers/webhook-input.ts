import type { Queryable } from '../db/db';
import { findNumber, type PbxNumber } from '../directory/numbers';
import { invalidField } from '../http/errors';
import { normalizeLineNumber } from '../phone/normalize';

/** What every carrier webhook route does with its input, whatever the carrier's wire format. */

/** A wire parser's reason ("to: not a phone number; ...") as a 400 naming the first field. */
export function webhookInputError(reason: string) {
  const field = /^([A-Za-z][A-Za-z0-9_.]*):/.exec(reason)?.[1] ?? 'query';
  return invalidField(field, reason);
}

/**
 * The number a carrier delivered a text to, which must be one of ours served by that very carrier: a
 * webhook that holds one carrier's secret must not inject texts into another carrier's numbers.
 * SMSCs often give the receiver in international format without "+", so that is tried too.
 */
export async function findNumberOfCarrier(db: Queryable, carrier: string, received: string, field: string): Promise<PbxNumber> {
  const e164 = normalizeLineNumber(received) ?? (/^\d+$/.test(received) ? normalizeLineNumber(`+${received}`) : null);
  const number = e164 ? await findNumber(db, e164) : null;
  if (!number || number.carrier !== carrier) throw invalidField(field, `${received} is not a number of carrier "${carrier}"`);
  return number;
}
