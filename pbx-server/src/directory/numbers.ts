import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import { InboundRouteSchema, type InboundRoute } from './inbound-route';

export type Channel = 'sms' | 'whatsapp';

export type PbxNumber = {
  number: string;
  channel: Channel;
  label: string;
  /** null: a number without a carrier of its own (migration 010). */
  carrier: string | null;
  inboundRoute: InboundRoute;
  /** false: a voice-only DID; it neither receives texts nor serves as a caller ID. */
  messagingEnabled: boolean;
};

export type NumberRow = {
  number: string;
  channel: Channel;
  label: string;
  carrier: string | null;
  inbound_route: unknown;
  messaging_enabled: boolean;
};

export const toNumber = (row: NumberRow): PbxNumber => ({
  number: row.number,
  channel: row.channel,
  label: row.label,
  carrier: row.carrier,
  // Parsed, not cast: a route written by a newer version fails loudly instead of misrouting.
  inboundRoute: InboundRouteSchema.parse(row.inbound_route),
  messagingEnabled: row.messaging_enabled,
});

export async function findNumber(db: Queryable, number: string): Promise<PbxNumber | null> {
  const rows = await db.query<NumberRow>('SELECT * FROM numbers WHERE number = $1', [number]);
  return rows[0] ? toNumber(rows[0]) : null;
}

/** Several numbers in one query (the inbound batch). */
export async function findNumbers(db: Queryable, numbers: readonly string[]): Promise<Map<string, PbxNumber>> {
  const rows = await db.query<NumberRow>(
    'SELECT * FROM numbers WHERE number = ANY($1::text[])',
    [sqlArray(numbers)],
  );
  return new Map(rows.map((r) => [r.number, toNumber(r)]));
}

export async function listNumbers(db: Queryable): Promise<PbxNumber[]> {
  return (await db.query<NumberRow>('SELECT * FROM numbers ORDER BY number')).map(toNumber);
}

/** Numbers the agent may use as outbound caller ID, in a stable order (first = default). */
export async function listSenderNumbers(db: Queryable, agentId: string): Promise<PbxNumber[]> {
  const rows = await db.query<NumberRow>(
    `SELECT n.* FROM numbers n JOIN number_senders s ON s.number = n.number
     WHERE s.agent_id = $1 AND n.messaging_enabled ORDER BY n.number`,
    [agentId],
  );
  return rows.map(toNumber);
}

export async function listNumbersByCarrier(db: Queryable, carrier: string): Promise<PbxNumber[]> {
  const rows = await db.query<NumberRow>('SELECT * FROM numbers WHERE carrier = $1 ORDER BY number', [carrier]);
  return rows.map(toNumber);
}

/** Creates or replaces a number's settings (not its caller-ID grants). */
export async function upsertNumber(db: Queryable, n: PbxNumber): Promise<PbxNumber> {
  const rows = await db.query<NumberRow>(
    `INSERT INTO numbers (number, channel, label, carrier, inbound_route, messaging_enabled)
     VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)
     ON CONFLICT (number) DO UPDATE SET channel = EXCLUDED.channel, label = EXCLUDED.label,
       carrier = EXCLUDED.carrier, inbound_route = EXCLUDED.inbound_route, messaging_enabled = EXCLUDED.messaging_enabled
     RETURNING *`,
    [n.number, n.channel, n.label, n.carrier, JSON.stringify(n.inboundRoute), n.messagingEnabled],
  );
  return toNumber(rows[0]!);
}

/** The agents who may send from a number, by extension. */
export async function listSenders(db: Queryable, number: string): Promise<{ id: string; extension: string }[]> {
  return db.query<{ id: string; extension: string }>(
    `SELECT a.id, a.extension FROM number_senders s JOIN agents a ON a.id = s.agent_id WHERE s.number = $1 ORDER BY a.extension`,
    [number],
  );
}

export async function replaceSenders(db: Queryable, number: string, agentIds: readonly string[]): Promise<void> {
  await db.query('DELETE FROM number_senders WHERE number = $1', [number]);
  await db.query(
    `INSERT INTO number_senders (number, agent_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [number, sqlArray(agentIds)],
  );
}
