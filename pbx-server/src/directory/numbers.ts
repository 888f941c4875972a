import type { Queryable } from '../db/db';
import { InboundRouteSchema, type InboundRoute } from './inbound-route';

export type Channel = 'sms' | 'whatsapp';

export type PbxNumber = {
  number: string;
  channel: Channel;
  label: string;
  /** null: no carrier of its own (see carriers/outbound-route.ts). */
  carrier: string | null;
  inboundRoute: InboundRoute;
};

type NumberRow = { number: string; channel: Channel; label: string; carrier: string | null; inbound_route: unknown };

const toNumber = (row: NumberRow): PbxNumber => ({
  number: row.number,
  channel: row.channel,
  label: row.label,
  carrier: row.carrier,
  // Parsed, not cast: a route written by a newer version fails loudly instead of misrouting.
  inboundRoute: InboundRouteSchema.parse(row.inbound_route),
});

export async function findNumber(db: Queryable, number: string): Promise<PbxNumber | null> {
  const rows = await db.query<NumberRow>('SELECT * FROM numbers WHERE number = $1', [number]);
  return rows[0] ? toNumber(rows[0]) : null;
}

/** Numbers the agent may use as outbound caller ID, in a stable order (first = default). */
export async function listSenderNumbers(db: Queryable, agentId: string): Promise<PbxNumber[]> {
  const rows = await db.query<NumberRow>(
    `SELECT n.* FROM numbers n JOIN number_senders s ON s.number = n.number
     WHERE s.agent_id = $1 ORDER BY n.number`,
    [agentId],
  );
  return rows.map(toNumber);
}

export async function listNumbersByCarrier(db: Queryable, carrier: string): Promise<PbxNumber[]> {
  const rows = await db.query<NumberRow>('SELECT * FROM numbers WHERE carrier = $1 ORDER BY number', [carrier]);
  return rows.map(toNumber);
}
