import { randomUUID } from 'node:crypto';
import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import type { ConversationState, MessageView, SystemEvent } from '../http/schemas';
import { toConversationRecord, type ConversationRecord, type ConversationRow } from './rows';

export { toConversationRecord, type ConversationRecord, type ConversationRow } from './rows';

/**
 * SQL for conversations, their members and messages. Conversations come out as records (every
 * column, camelCase); conversations/views.ts turns them into wire views. Messages come out as wire
 * views plus the storage-only carrier.
 */

type MessageRow = {
  id: string;
  conversation_id: string;
  direction: MessageView['direction'];
  body: string;
  from_number: string;
  to_number: string;
  status: MessageView['status'];
  failure_reason: string | null;
  sender_agent_id: string | null;
  idempotency_key: string | null;
  carrier: string | null;
  carrier_message_id: string | null;
  kind: MessageView['kind'];
  system_event: SystemEvent | null;
  seq: unknown;
  created_at: Date | string;
};

export type StoredMessage = MessageView & { carrier: string | null; carrierMessageId: string | null; seq: number };

export const toMessage = (r: MessageRow): StoredMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  direction: r.direction,
  body: r.body,
  from: r.from_number,
  to: r.to_number,
  status: r.status,
  failureReason: r.failure_reason,
  senderAgentId: r.sender_agent_id,
  idempotencyKey: r.idempotency_key,
  createdAt: new Date(r.created_at).toISOString(),
  kind: r.kind,
  systemEvent: r.system_event,
  carrier: r.carrier,
  carrierMessageId: r.carrier_message_id,
  seq: Number(r.seq),
});

/** Strips storage-only fields before a message goes on the wire. */
export const messageView = ({ carrier: _carrier, carrierMessageId: _carrierMessageId, seq: _seq, ...view }: StoredMessage): MessageView => view;

const PREVIEW_LENGTH = 120;
export const previewOf = (body: string) => (body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH - 1)}…` : body);


// ---- conversations ----

export async function findConversation(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConversationRecord | null> {
  const rows = await db.query<ConversationRow>(`SELECT * FROM conversations WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toConversationRecord(rows[0]) : null;
}


export const lineKey = (didNumber: string, customerNumber: string) => `${didNumber}|${customerNumber}`;

/**
 * Locks conversations in id order and returns what they are now. Whoever locks several
 * conversations in one transaction (an inbound batch, a group chat's relay) takes them this way, so
 * two such transactions cannot wait for each other in a circle.
 */
export async function lockConversations(db: Queryable, ids: readonly string[]): Promise<ConversationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [sqlArray(ids)]);
  return rows.map(toConversationRecord);
}

export type NewLineConversation = {
  type: 'sms' | 'whatsapp';
  didNumber: string;
  customerNumber: string;
  title: string;
  at: Date;
  createdByAgentId?: string | null;
};

/**
 * Find-or-create the open thread for (line, customer). ON CONFLICT makes concurrent creators converge
 * on one row; `created` tells the caller whether this call made it (and so must route it).
 */
export async function findOrCreateLineConversation(
  db: Queryable,
  line: NewLineConversation,
): Promise<{ conversation: ConversationRecord; created: boolean }> {
  const inserted = await db.query<ConversationRow>(
    `INSERT INTO conversations (id, type, customer_number, did_number, title, created_at, created_by_agent_id)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7)
     ON CONFLICT (did_number, customer_number) WHERE type IN ('sms', 'whatsapp') AND state <> 'closed' DO NOTHING
     RETURNING *`,
    [randomUUID(), line.type, line.customerNumber, line.didNumber, line.title, line.at.toISOString(), line.createdByAgentId ?? null],
  );
  if (inserted[0]) return { conversation: toConversationRecord(inserted[0]), created: true };
  const rows = await db.query<ConversationRow>(
    `SELECT * FROM conversations WHERE did_number = $1 AND customer_number = $2 AND type IN ('sms', 'whatsapp') AND state <> 'closed'`,
    [line.didNumber, line.customerNumber],
  );
  return { conversation: toConversationRecord(rows[0]!), created: false };
}

/** A direct or group chat between agents. */
export async function insertChatConversation(
  db: Queryable,
  chat: { type: 'direct' | 'group'; title: string; directKey: string | null; didNumber: string | null; createdByAgentId: string; at: Date },
): Promise<{ conversation: ConversationRecord; created: boolean }> {
  const inserted = await db.query<ConversationRow>(
    `INSERT INTO conversations (id, type, title, direct_key, did_number, created_by_agent_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
     ON CONFLICT (direct_key) WHERE type = 'direct' DO NOTHING
     RETURNING *`,
    [randomUUID(), chat.type, chat.title, chat.directKey, chat.didNumber, chat.createdByAgentId, chat.at.toISOString()],
  );
  if (inserted[0]) return { conversation: toConversationRecord(inserted[0]), created: true };
  const rows = await db.query<ConversationRow>(`SELECT * FROM conversations WHERE type = 'direct' AND direct_key = $1`, [chat.directKey]);
  return { conversation: toConversationRecord(rows[0]!), created: false };
}

/** Column changes a use case makes; undefined leaves a column alone. */
export type ConversationChange = Partial<
  Pick<
    ConversationRecord,
    | 'title'
    | 'didNumber'
    | 'state'
    | 'groupId'
    | 'botId'
    | 'designatedAgentId'
    | 'mentionedAgentId'
    | 'waitingSince'
    | 'closedAt'
    | 'idleDeadline'
    | 'unclaimedDeadline'
  >
>;

const CHANGE_COLUMNS: Record<keyof ConversationChange, string> = {
  title: 'title',
  didNumber: 'did_number',
  state: 'state',
  groupId: 'group_id',
  botId: 'bot_id',
  designatedAgentId: 'designated_agent_id',
  mentionedAgentId: 'mentioned_agent_id',
  waitingSince: 'waiting_since',
  closedAt: 'closed_at',
  idleDeadline: 'idle_deadline',
  unclaimedDeadline: 'unclaimed_deadline',
};

const TIMESTAMP_CHANGES = new Set<keyof ConversationChange>(['waitingSince', 'closedAt', 'idleDeadline', 'unclaimedDeadline']);

/**
 * Applies a change; `expect` guards it (e.g. {state: 'waiting', designatedAgentId: null} for a
 * claim) so concurrent callers race on the row, not in application code. Null when the guard failed.
 */
export async function updateConversation(
  db: Queryable,
  id: string,
  change: ConversationChange,
  expect: { state?: ConversationState; designatedAgentId?: string | null } = {},
): Promise<ConversationRecord | null> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(change) as [keyof ConversationChange, unknown][]) {
    if (value === undefined) continue;
    params.push(value instanceof Date ? value.toISOString() : value);
    sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}${TIMESTAMP_CHANGES.has(key) ? '::timestamptz' : ''}`);
  }
  const guards: string[] = [];
  if (expect.state !== undefined) {
    params.push(expect.state);
    guards.push(`state = $${params.length}`);
  }
  if (expect.designatedAgentId !== undefined) {
    if (expect.designatedAgentId === null) guards.push('designated_agent_id IS NULL');
    else {
      params.push(expect.designatedAgentId);
      guards.push(`designated_agent_id = $${params.length}`);
    }
  }
  const rows = await db.query<ConversationRow>(
    `UPDATE conversations SET ${sets.length ? sets.join(', ') : 'id = id'} WHERE id = $1${guards.map((g) => ` AND ${g}`).join('')} RETURNING *`,
    params,
  );
  return rows[0] ? toConversationRecord(rows[0]) : null;
}

export async function touchActivity(db: Queryable, conversationId: string, at: Date, body: string): Promise<void> {
  await db.query(`UPDATE conversations SET last_message_at = $2::timestamptz, last_message_preview = $3 WHERE id = $1`, [
    conversationId,
    at.toISOString(),
    previewOf(body),
  ]);
}

// ---- members ----

/** Returns true when the agent was not a member before. */
export async function addMember(db: Queryable, conversationId: string, agentId: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO conversation_members (conversation_id, agent_id, joined_at) VALUES ($1, $2, $3::timestamptz)
     ON CONFLICT DO NOTHING RETURNING agent_id`,
    [conversationId, agentId, at.toISOString()],
  );
  return rows.length > 0;
}

/** Makes every member of a group a member of the conversation; returns those who were not. */
export async function addGroupMembers(db: Queryable, conversationId: string, groupId: string, at: Date): Promise<string[]> {
  const rows = await db.query<{ agent_id: string }>(
    `INSERT INTO conversation_members (conversation_id, agent_id, joined_at)
     SELECT $1, g.agent_id, $3::timestamptz FROM group_members g WHERE g.group_id = $2
     ON CONFLICT DO NOTHING RETURNING agent_id`,
    [conversationId, groupId, at.toISOString()],
  );
  return rows.map((r) => r.agent_id);
}

export async function removeMember(db: Queryable, conversationId: string, agentId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM conversation_members WHERE conversation_id = $1 AND agent_id = $2 RETURNING agent_id', [
    conversationId,
    agentId,
  ]);
  return rows.length > 0;
}

export async function memberIds(db: Queryable, conversationId: string): Promise<string[]> {
  const rows = await db.query<{ agent_id: string }>('SELECT agent_id FROM conversation_members WHERE conversation_id = $1', [
    conversationId,
  ]);
  return rows.map((r) => r.agent_id);
}

export async function isMember(db: Queryable, conversationId: string, agentId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND agent_id = $2', [conversationId, agentId]);
  return rows.length > 0;
}

/**
 * Counts a new text as unread for every member except its sender (migration 011: the
 * conversation's total moves, and the sender's base with it); returns each member's count (the
 * recipients of the message's events and what each should show).
 */
export async function bumpUnread(db: Queryable, conversationId: string, senderAgentId: string | null): Promise<Map<string, number>> {
  // The final SELECT sees the members as they were before `sender` moved its base: subtract it here.
  const rows = await db.query<{ agent_id: string; unread_count: unknown }>(
    `WITH total AS (
       UPDATE conversations SET unread_total = unread_total + 1 WHERE id = $1 RETURNING unread_total
     ), sender AS (
       UPDATE conversation_members SET unread_base = unread_base + 1 WHERE conversation_id = $1 AND agent_id = $2
     )
     SELECT m.agent_id, total.unread_total - m.unread_base - CASE WHEN m.agent_id = $2 THEN 1 ELSE 0 END AS unread_count
     FROM conversation_members m, total WHERE m.conversation_id = $1`,
    [conversationId, senderAgentId ?? ''],
  );
  return new Map(rows.map((r) => [r.agent_id, Number(r.unread_count)]));
}

// ---- external members of group chats ----

export async function addExternal(db: Queryable, conversationId: string, number: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO conversation_externals (conversation_id, number, added_at) VALUES ($1, $2, $3::timestamptz)
     ON CONFLICT DO NOTHING RETURNING number`,
    [conversationId, number, at.toISOString()],
  );
  return rows.length > 0;
}

export async function externalNumbers(db: Queryable, conversationId: string): Promise<string[]> {
  const rows = await db.query<{ number: string }>(
    'SELECT number FROM conversation_externals WHERE conversation_id = $1 ORDER BY added_at, number',
    [conversationId],
  );
  return rows.map((r) => r.number);
}

// ---- messages ----

export type NewMessage = {
  conversationId: string;
  direction: MessageView['direction'];
  body: string;
  from: string;
  to: string;
  status: MessageView['status'];
  senderAgentId: string | null;
  idempotencyKey: string | null;
  carrier: string | null;
  carrierMessageId?: string | null;
  kind?: MessageView['kind'];
  systemEvent?: SystemEvent | null;
  at: Date;
};

/**
 * A message's time: the clock's, or 1 ms after the conversation's newest message when that is not
 * earlier. Clients order a thread by time, so a reply stored in the same millisecond as the text it
 * answers (a bot's, a lifecycle line) must not tie with it: ties would fall back to random ids.
 */
const MESSAGE_TIME_AFTER_NEWEST = `GREATEST($14::timestamptz,
  (SELECT created_at + interval '1 millisecond' FROM messages WHERE conversation_id = $2 ORDER BY seq DESC LIMIT 1))`;

/** Inserts a message; returns null when (senderAgentId, idempotencyKey) already exists. */
export async function insertMessage(db: Queryable, m: NewMessage): Promise<StoredMessage | null> {
  const rows = await db.query<MessageRow>(
    `INSERT INTO messages (id, conversation_id, direction, body, from_number, to_number, status,
       sender_agent_id, idempotency_key, carrier, carrier_message_id, kind, system_event, created_at, updated_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, at, at
     FROM (SELECT ${MESSAGE_TIME_AFTER_NEWEST} AS at) AS stamp
     ON CONFLICT (sender_agent_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING *`,
    [
      randomUUID(),
      m.conversationId,
      m.direction,
      m.body,
      m.from,
      m.to,
      m.status,
      m.senderAgentId,
      m.idempotencyKey,
      m.carrier,
      m.carrierMessageId ?? null,
      m.kind ?? 'text',
      m.systemEvent ? JSON.stringify(m.systemEvent) : null,
      m.at.toISOString(),
    ],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}


export async function findMessageByIdempotencyKey(db: Queryable, agentId: string, key: string): Promise<StoredMessage | null> {
  const rows = await db.query<MessageRow>('SELECT * FROM messages WHERE sender_agent_id = $1 AND idempotency_key = $2', [
    agentId,
    key,
  ]);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** A page of a conversation, oldest first; `before` is a message id (exclusive) for scrolling back. */
export async function listMessages(
  db: Queryable,
  conversationId: string,
  opts: { before?: string; limit: number },
): Promise<StoredMessage[] | null> {
  let beforeSeq: string | null = null;
  if (opts.before) {
    const anchor = await db.query<{ seq: unknown }>('SELECT seq FROM messages WHERE id = $1 AND conversation_id = $2', [
      opts.before,
      conversationId,
    ]);
    if (!anchor[0]) return null;
    beforeSeq = String(anchor[0].seq);
  }
  const rows = await db.query<MessageRow>(
    `SELECT * FROM (
       SELECT * FROM messages WHERE conversation_id = $1 AND ($2::int8 IS NULL OR seq < $2::int8)
       ORDER BY seq DESC LIMIT $3::int
     ) newest ORDER BY seq ASC`,
    [conversationId, beforeSeq, opts.limit],
  );
  return rows.map(toMessage);
}

export type StatusChange = { status: 'sent' | 'delivered' | 'failed'; failureReason?: string | null; carrierMessageId?: string };

// Outbound status only moves forward; a late or duplicate carrier report cannot undo "delivered".
const ALLOWED_PREVIOUS: Record<StatusChange['status'], string[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  failed: ['queued', 'sent'],
};

/** Applies a status change if it moves forward; returns the updated message or null if ignored. */
export async function updateMessageStatus(db: Queryable, messageId: string, change: StatusChange, at: Date): Promise<StoredMessage | null> {
  const rows = await db.query<MessageRow>(
    `UPDATE messages SET status = $2, failure_reason = $3, updated_at = $4::timestamptz,
       carrier_message_id = COALESCE($5, carrier_message_id)
     WHERE id = $1 AND status = ANY($6::text[]) RETURNING *`,
    [messageId, change.status, change.failureReason ?? null, at.toISOString(), change.carrierMessageId ?? null, `{${ALLOWED_PREVIOUS[change.status].join(',')}}`],
  );
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function findMessageIdByCarrierId(db: Queryable, carrier: string, carrierMessageId: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>('SELECT id FROM messages WHERE carrier = $1 AND carrier_message_id = $2', [
    carrier,
    carrierMessageId,
  ]);
  return rows[0]?.id ?? null;
}

/** Already stored carrier messages among these, keyed "carrier|carrierMessageId" -> message id. */
export async function findMessageIdsByCarrierIds(
  db: Queryable,
  refs: readonly { carrier: string; carrierMessageId: string }[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; carrier: string; carrier_message_id: string }>(
    `SELECT m.id, m.carrier, m.carrier_message_id FROM messages m
     JOIN unnest($1::text[], $2::text[]) AS r(carrier, carrier_message_id)
       ON m.carrier = r.carrier AND m.carrier_message_id = r.carrier_message_id`,
    [sqlArray(refs.map((r) => r.carrier)), sqlArray(refs.map((r) => r.carrierMessageId))],
  );
  return new Map(rows.map((r) => [carrierKey(r.carrier, r.carrier_message_id), r.id]));
}

export const carrierKey = (carrier: string, carrierMessageId: string) => `${carrier}|${carrierMessageId}`;

/** Makes agents members of conversations (one statement for the inbound batch). */
export async function addMembers(db: Queryable, items: readonly { conversationId: string; agentId: string }[], at: Date): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO conversation_members (conversation_id, agent_id, joined_at)
     SELECT v.conversation_id, v.agent_id, $3::timestamptz FROM unnest($1::text[], $2::text[]) AS v(conversation_id, agent_id)
     ON CONFLICT DO NOTHING`,
    [sqlArray(items.map((i) => i.conversationId)), sqlArray(items.map((i) => i.agentId)), at.toISOString()],
  );
}

/** Every member of a group joins the group's open conversations (a member added later sees them too). */
export async function addGroupMembersToOpenConversations(db: Queryable, groupId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO conversation_members (conversation_id, agent_id, joined_at)
     SELECT c.id, g.agent_id, $2::timestamptz FROM conversations c JOIN group_members g ON g.group_id = c.group_id
     WHERE c.group_id = $1 AND c.state <> 'closed'
     ON CONFLICT DO NOTHING`,
    [groupId, at.toISOString()],
  );
}
