import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import type { NumberRow, PbxNumber } from '../directory/numbers';
import type { ConversationView } from '../http/schemas';
import { previewOf, type StoredMessage } from '../conversations/store';
import { toConversationRecord, type ConversationRecord, type ConversationRow } from '../conversations/rows';
import type { ViewKey } from './inbound-views';
import type { LineSettings } from './line-settings';
import { NO_AUTOMATION, type NumberAutomation } from './number-automation';

/**
 * The inbound path's main statements per batch (routing/inbound.ts): every (line, customer)
 * pair's number, its automation and open conversation in one query (on PostgreSQL behind the lock
 * of those conversations, lockOpenLines), then every text stored with the conversations'
 * activity, the members' unread counts and the conversations' view keys in one more.
 */

export type Line = {
  did: string;
  customer: string;
  number: PbxNumber | null;
  /** The number's working hours, out-of-hours route and actions (NO_AUTOMATION without a row). */
  automation: NumberAutomation;
  /**
   * The open conversation of the pair, if any, with its group's kind; memberIds (its members' agent
   * ids) only for a conversation outside a group, the only kind whose members the batch checks.
   */
  open: { record: ConversationRecord; groupKind: 'ring_group' | 'queue' | null; memberIds: string[] } | null;
};

type LineRow = ConversationRow & {
  pair_did: string;
  pair_customer: string;
  n_number: string | null;
  n_channel: NumberRow['channel'];
  n_label: string;
  n_carrier: string | null;
  /** The JSON columns come as text: parsed once per text (line-settings.ts). */
  n_inbound_route: string | null;
  n_messaging_enabled: boolean;
  group_kind: 'ring_group' | 'queue' | null;
  member_ids: string[] | null;
  a_number: string | null;
  a_working_hours: string | null;
  a_out_of_hours_route: string | null;
  a_actions: string | null;
};

/** settings: the parsed routes and automation the inbound path keeps (line-settings.ts). */
export async function loadLines(db: Queryable, pairs: readonly { did: string; customer: string }[], settings: LineSettings): Promise<Line[]> {
  const rows = await db.query<LineRow>(
    `SELECT p.did AS pair_did, p.customer AS pair_customer, n.number AS n_number, n.channel AS n_channel, n.label AS n_label,
       n.carrier AS n_carrier, n.inbound_route::text AS n_inbound_route, n.messaging_enabled AS n_messaging_enabled, c.*, g.kind AS group_kind,
       CASE WHEN c.group_id IS NULL THEN (SELECT array_agg(m.agent_id) FROM conversation_members m WHERE m.conversation_id = c.id) END AS member_ids,
       a.number AS a_number, a.working_hours::text AS a_working_hours, a.out_of_hours_route::text AS a_out_of_hours_route, a.actions::text AS a_actions
     FROM unnest($1::text[], $2::text[]) AS p(did, customer)
     LEFT JOIN numbers n ON n.number = p.did
     LEFT JOIN number_automation a ON a.number = p.did
     -- One index lookup per pair (LIMIT keeps the planner from turning this into a join that reads
     -- every open conversation: the unique index holds at most one).
     LEFT JOIN LATERAL (SELECT * FROM conversations c WHERE c.did_number = p.did AND c.customer_number = p.customer
       AND c.type IN ('sms', 'whatsapp') AND c.state <> 'closed' LIMIT 1) c ON true
     LEFT JOIN agent_groups g ON g.id = c.group_id`,
    [sqlArray(pairs.map((p) => p.did)), sqlArray(pairs.map((p) => p.customer))],
  );
  return rows.map((r) => ({
    did: r.pair_did,
    automation: r.a_number === null ? NO_AUTOMATION : settings.automationOf(r.a_number, r.a_working_hours, r.a_out_of_hours_route, r.a_actions!),
    customer: r.pair_customer,
    number:
      r.n_number === null
        ? null
        : {
            number: r.n_number,
            channel: r.n_channel,
            label: r.n_label,
            carrier: r.n_carrier,
            inboundRoute: settings.route(r.n_inbound_route!),
            messagingEnabled: r.n_messaging_enabled,
          },
    open: r.id ? { record: toConversationRecord(r), groupKind: r.group_kind, memberIds: r.member_ids ?? [] } : null,
  }));
}

/**
 * Locks the open conversation of every (line, customer) pair, in id order as lockConversations
 * (conversations/store.ts) does, so batches and other writers locking several never deadlock.
 * A conversation closed meanwhile stays locked (harmless); loadLines, run after, reads them anew.
 */
export async function lockOpenLines(db: Queryable, pairs: readonly { did: string; customer: string }[]): Promise<void> {
  await db.query(
    `SELECT c.id FROM conversations c
     WHERE c.id = ANY(ARRAY(SELECT o.id FROM unnest($1::text[], $2::text[]) AS p(did, customer),
       LATERAL (SELECT o.id FROM conversations o WHERE o.did_number = p.did AND o.customer_number = p.customer
         AND o.type IN ('sms', 'whatsapp') AND o.state <> 'closed' LIMIT 1) o))
     ORDER BY c.id FOR UPDATE`,
    [sqlArray(pairs.map((p) => p.did)), sqlArray(pairs.map((p) => p.customer))],
  );
}

export type InboundInsert = { conversationId: string; body: string; from: string; to: string; carrier: string; carrierMessageId: string };

/** What a stored batch changed: its texts, every member's unread count, each conversation's view key. */
export type AppendedInbound = {
  stored: StoredMessage[];
  unread: { conversationId: string; agentId: string; unread: number }[];
  viewKeys: Map<string, ViewKey>;
};

/**
 * Stores the texts in the order given (a text whose carrier id is stored already is skipped: carriers
 * retry), moves each conversation's activity to its newest text and counts the texts as unread for
 * every member (unread_total, migration 011: no row per member is written), all in one statement.
 * Returns the stored texts, oldest first, every member's new unread count and each conversation's
 * view key as it is after this batch.
 */
export async function appendInbound(db: Queryable, texts: readonly InboundInsert[], at: Date): Promise<AppendedInbound> {
  if (texts.length === 0) return { stored: [], unread: [], viewKeys: new Map() };
  // Only what the database decides comes back (id, seq, time); the rest of each message is the input.
  const rows = await db.query<{ what: 'message' | 'conversation'; a: string; agents: string[] | null; unread: number[] | null; n: unknown; m: unknown; at: Date | string | null }>(
    `WITH t AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS t(conversation_id, body, preview, from_number, to_number, carrier, carrier_message_id, ord)
     ), stamped AS (
       -- Each text its own millisecond, in arrival order and after the conversation's newest message:
       -- clients order a thread by time, and a burst stored at one instant would tie.
       -- The newest message, not the conversation's last text: the lifecycle line routing just wrote
       -- ("Entered SMS Support Queue") is newer and would tie with the text that caused it.
       -- (One index lookup per text, not a join: a join's plan may read every conversation.)
       SELECT t.*, GREATEST($8::timestamptz, (SELECT m.created_at FROM messages m WHERE m.conversation_id = t.conversation_id ORDER BY m.seq DESC LIMIT 1) + interval '1 millisecond')
         + (row_number() OVER (PARTITION BY t.conversation_id ORDER BY t.ord) - 1) * interval '1 millisecond' AS at
       FROM t
     ), ins AS (
       INSERT INTO messages (id, conversation_id, direction, body, from_number, to_number, status, carrier,
         carrier_message_id, created_at, updated_at)
       SELECT gen_random_uuid()::text, conversation_id, 'inbound', body, from_number, to_number, 'received', carrier,
         carrier_message_id, at, at
       FROM stamped ORDER BY ord
       ON CONFLICT (carrier, carrier_message_id) WHERE carrier_message_id IS NOT NULL DO NOTHING
       RETURNING id, seq, conversation_id, carrier, carrier_message_id, created_at
     ), stored AS (
       SELECT ins.*, t.ord, t.preview FROM ins JOIN t ON t.carrier = ins.carrier AND t.carrier_message_id = ins.carrier_message_id
     ), per AS (
       SELECT conversation_id, count(*) AS n, (array_agg(preview ORDER BY seq DESC))[1] AS preview, max(created_at) AS last_at
       FROM stored GROUP BY conversation_id
     ), activity AS (
       UPDATE conversations c SET last_message_at = per.last_at, last_message_preview = per.preview, unread_total = c.unread_total + per.n
       FROM per WHERE c.id = per.conversation_id
       RETURNING c.id, c.unread_total, c.view_version
     )
     -- A row per text and one per conversation (its members and their counts as two aligned arrays):
     -- rows cost more to read back than columns.
     SELECT 'message' AS what, stored.id AS a, NULL::text[] AS agents, NULL::int[] AS unread, stored.seq AS n, stored.ord AS m,
       stored.created_at AS at
     FROM stored
     UNION ALL
     SELECT 'conversation', activity.id, members.agents, members.unread, activity.view_version, (SELECT epoch FROM view_epoch), NULL
     FROM activity, LATERAL (SELECT array_agg(m.agent_id) AS agents, array_agg((activity.unread_total - m.unread_base)::int) AS unread
       FROM conversation_members m WHERE m.conversation_id = activity.id) members`,
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
  const stored: StoredMessage[] = [];
  const unread: AppendedInbound['unread'] = [];
  const viewKeys = new Map<string, ViewKey>();
  for (const r of rows) {
    if (r.what === 'message') {
      const t = texts[Number(r.m) - 1]!;
      stored.push({
        id: r.a,
        conversationId: t.conversationId,
        direction: 'inbound',
        body: t.body,
        from: t.from,
        to: t.to,
        status: 'received',
        failureReason: null,
        senderAgentId: null,
        idempotencyKey: null,
        createdAt: new Date(r.at!).toISOString(),
        kind: 'text',
        systemEvent: null,
        carrier: t.carrier,
        carrierMessageId: t.carrierMessageId,
        seq: Number(r.n),
      });
    } else {
      (r.agents ?? []).forEach((agentId, i) => unread.push({ conversationId: r.a, agentId, unread: Number(r.unread![i]) }));
      viewKeys.set(r.a, { version: Number(r.n), epoch: Number(r.m) });
    }
  }
  return { stored: stored.sort((a, b) => a.seq - b.seq), unread, viewKeys };
}
