import type { Queryable } from '../db/db';
import { listSenderNumbers, type PbxNumber } from '../directory/numbers';
import { forbidden, invalidField } from '../http/errors';
import { normalizeLineNumber } from '../phone/normalize';

/** The caller ID an agent texts from: the one asked for (fromNumber), or their first. */
export async function chooseCallerId(db: Queryable, agentId: string, fromNumber: string | undefined): Promise<PbxNumber> {
  const lines = await listSenderNumbers(db, agentId);
  if (fromNumber === undefined) {
    if (!lines[0]) throw forbidden('you have no number to send from');
    return lines[0];
  }
  const wanted = normalizeLineNumber(fromNumber);
  if (!wanted) throw invalidField('fromNumber', `${fromNumber} is not an E.164 number`);
  const line = lines.find((l) => l.number === wanted);
  if (!line) throw forbidden(`${wanted} is not one of your caller IDs`);
  return line;
}
