import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import { InboundRouteSchema } from '../directory/inbound-route';
import type { PbxNumber } from '../directory/numbers';
import type { ConversationView } from '../http/schemas';
import { previewOf, toMessage, type StoredMessage } from '../conversations/store';
import { toConversationRecord, type ConversationRecord } from '../conversations/rows';
import { toView, VIEW_COLUMNS, VIEW_JOINS, type ViewRow } from '../conversations/views';

/**
 * The inbound path's two statements per batch (routing/inbound.ts): every (line, customer) pair's
 * number and open conversation with its view in one query, then every text stored with the
 * conversations' activity and the members' unread counts in one more.
 */

export type Line = {
  did: string;
  customer: string;
  number: PbxNumber | null;
  /** The open conversation of the pair, if any, with its group's kind and its view before this batch. */
  open: { record: ConversationRecord; groupKind: 'ring_group' | 'queue' | null; view: ConversationView } | null;
};

type NumberRow = { number: string; channel: 'sms' | 'whatsapp'; label: string; carrier: string | null; inbound_route: unknown; messaging_enabled: boolean };
type LineRow = ViewRow & { pair_did: string; pair_customer: string; number_row: NumberRow | null };

export async function loadLines(db: Queryable, pairs: readonly { did: string; customer: string }[]): Promise<Line[]> {
  const rows = await db.query<LineRow>(
    `SELECT p.did AS pair_did, p.customer AS pair_customer, to_jsonb(n.*) AS number_row, ${VIEW_COLUMNS}
     FROM unnest($1::text[], $3::text[]) AS p(did, customer)
     LEFT JOIN numbers n ON n.number = p.did
     LEFT JOIN conversations c ON c.did_number = p.did AND c.customer_number = p.customer
       AND c.type IN ('sms', 'whatsapp') AND c.state <> 'closed'
     ${VIEW_JOINS}`,
    [sqlArray(pairs.map((p) => p.did)), '', sqlArray(pairs.map((p) => p.customer))],
  );
  return rows.map((r) => ({
    did: r.pair_did,
    customer: r.pair_customer,
    number: r.number_row
      ? {
          number: r.number_row.number,
          channel: r.number_row.channel,
          label: r.number_row.label,
          carrier: r.number_row.carrier,
          inboundRoute: InboundRouteSchema.parse(r.number_row.inbound_route),
          messagingEnabled: r.number_row.messaging_enabled,
        }
      : null,
    open: r.id ? { record: toConversationRecord(r), groupKind: r.group_kind, view: toView(r) } : null,
  }));
}

export type InboundInsert = { conversationId: string; body: string; from: string; to: string; carrier: string; carrierMessageId: string };

/**
 * Stores the texts in the order given (a text whose carrier id is stored already is skipped: carriers
 * retry), moves each conversation's activity to its newest text and counts the texts as unread for
 * every member, all in one statement. Returns the stored texts, oldest first, and every member's
 * new unread count.
 */
export async function appendInbound(
  db: Queryable,
  texts: readonly InboundInsert[],
  at: Date,
): Promise<{ stored: StoredMessage[]; unread: { conversationId: string; agentId: string; unread: number }[] }> {
  if (texts.length === 0) return { stored: [], unread: [] };
  const rows = await db.query<{ what: 'message' | 'unread'; row: Record<string, unknown> }>(
    `WITH t AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS t(conversation_id, body, preview, from_number, to_number, carrier, carrier_message_id, ord)
     ), ins AS (
       INSERT INTO messages (id, conversation_id, direction, body, from_number, to_number, status, carrier,
         carrier_message_id, created_at, updated_at)
       SELECT gen_random_uuid()::text, conversation_id, 'inbound', body, from_number, to_number, 'received', carrier,
         carrier_message_id, $8::timestamptz, $8::timestamptz
       FROM t ORDER BY ord
       ON CONFLICT (carrier, carrier_message_id) WHERE carrier_message_id IS NOT NULL DO NOTHING
       RETURNING *
     ), per AS (
       SELECT ins.conversation_id, count(*) AS n, (array_agg(t.preview ORDER BY ins.seq DESC))[1] AS preview
       FROM ins JOIN t ON t.carrier = ins.carrier AND t.carrier_message_id = ins.carrier_message_id
       GROUP BY ins.conversation_id
     ), activity AS (
       UPDATE conversations c SET last_message_at = $8::timestamptz, last_message_preview = per.preview
       FROM per WHERE c.id = per.conversation_id
     ), bumped AS (
       UPDATE conversation_members m SET unread_count = m.unread_count + per.n
       FROM per WHERE m.conversation_id = per.conversation_id
       RETURNING m.conversation_id, m.agent_id, m.unread_count
     )
     SELECT 'message' AS what, to_jsonb(ins.*) AS row FROM ins
     UNION ALL
     SELECT 'unread', to_jsonb(bumped.*) FROM bumped`,
    [
      sqlArray(texts.map((t) => t.conversationId)),
      sqlArray(texts.map((t) => t.body)),
      sqlArray(texts.map((t) => previewOf(t.body))),
      sqlArray(texts.map((t) => t.from)),
      sqlArray(texts.map((t) => t.to)),
      sqlArray(texts.map((t) => t.carrier)),
      sqlArray(texts.map((t) => t.carrierMessageId)),
      at.toISOString(),
    ],
  );
  const stored = rows
    .filter((r) => r.what === 'message')
    .map((r) => toMessage(r.row as Parameters<typeof toMessage>[0]))
    .sort((a, b) => a.seq - b.seq);
  const unread = rows
    .filter((r) => r.what === 'unread')
    .map((r) => ({ conversationId: String(r.row.conversation_id), agentId: String(r.row.agent_id), unread: Number(r.row.unread_count) }));
  return { stored, unread };
}
