import type { Queryable } from '../db/db';
import { findNumber, listSenderNumbers, type Channel, type PbxNumber } from '../directory/numbers';
import { ApiError } from '../http/errors';

export type OutboundRoute = { from: string; carrier: string; channel: Channel };

const carries = (number: PbxNumber | null | undefined, channel: Channel): number is PbxNumber & { carrier: string } =>
  !!number && number.carrier !== null && number.channel === channel;

/**
 * Which number and carrier a text in a line conversation leaves through, in the order of seed 003
 * ("Outgoing SMS / WhatsApp messages routing"):
 *   1. the conversation's own number, when it has a carrier of its own for the conversation's channel;
 *   2. otherwise the agent's default caller ID for that channel: the first number they may send from
 *      (GET /v1/numbers order) that has a carrier for it.
 * Texts without an agent (automatic replies) only have the first.
 */
export async function resolveOutboundRoute(
  db: Queryable,
  text: { didNumber: string; channel: Channel; agentId: string | null },
): Promise<OutboundRoute> {
  const own = await findNumber(db, text.didNumber);
  if (carries(own, text.channel)) return { from: own.number, carrier: own.carrier, channel: text.channel };
  if (text.agentId) {
    const callerId = (await listSenderNumbers(db, text.agentId)).find((n) => carries(n, text.channel));
    if (callerId) return { from: callerId.number, carrier: callerId.carrier, channel: text.channel };
  }
  throw new ApiError(
    409,
    'no_outbound_route',
    `${text.didNumber} has no ${text.channel} carrier of its own${text.agentId ? ` and you have no ${text.channel} caller ID with one` : ''}`,
  );
}
