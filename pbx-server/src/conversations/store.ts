import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { ConversationView, MessageView } from '../http/schemas';

/** SQL for conversations and messages; rows leave this module already shaped as wire views. */

type ConversationRow = {
  id: string;
  type: ConversationView['type'];
  customer_number: string | null;
  did_number: string | null;
  title: string;
  created_at: Date;
  last_message_at: Date | null;
  last_message_preview: string | null;
  /** Mirrors opt_outs (migration 010). */
  opted_out: boolean;
};

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
  created_at: Date;
};

const iso = (d: Date | string) => new Date(d).toISOString();

const toConversation = (r: ConversationRow): ConversationView => ({
  id: r.id,
  type: r.type,
  customerNumber: r.customer_number,
  didNumber: r.did_number,
  title: r.title,
  createdAt: iso(r.created_at),
  lastMessageAt: r.last_message_at ? iso(r.last_message_at) : null,
  lastMessagePreview: r.last_message_preview,
  optedOut: r.opted_out,
});

export type StoredMessage = MessageView & { carrier: string | null };

const toMessage = (r: MessageRow): StoredMessage => ({
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
  createdAt: iso(r.created_at),
  carrier: r.carrier,
});

/** Strips storage-only fields before a message goes on the wire. */
export const messageView = ({ carrier: _carrier, ...view }: StoredMessage): MessageView => view;

const PREVIEW_LENGTH = 120;
export const previewOf = (body: string) => (body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH - 1)}…` : body);

// ---- conversations ----

export async function findConversationForMember(db: Queryable, id: string, agentId: string): Promise<ConversationView | null> {
  const rows = await db.query<ConversationRow>(
    `SELECT c.* FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id
     WHERE c.id = $1 AND m.agent_id = $2`,
    [id, agentId],
  );
  return rows[0] ? toConversation(rows[0]) : null;
}

export async function listConversationsForMember(db: Queryable, agentId: string, limit: number): Promise<ConversationView[]> {
  const rows = await db.query<ConversationRow>(
    `SELECT c.* FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id
     WHERE m.agent_id = $1
     ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT $2::int`,
    [agentId, limit],
  );
  return rows.map(toConversation);
}

/**
 * Find-or-create the thread for (line, customer). ON CONFLICT makes concurrent creators converge on
 * one row; `created` tells the caller whether this call made it.
 */
export async function findOrCreateLineConversation(
  db: Queryable,
  line: { type: 'sms' | 'whatsapp'; didNumber: string; customerNumber: string; title: string; at: Date },
): Promise<{ conversation: ConversationView; created: boolean }> {
  const inserted = await db.query<ConversationRow>(
    `INSERT INTO conversations (id, type, customer_number, did_number, title, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
     ON CONFLICT (did_number, customer_number) WHERE type IN ('sms', 'whatsapp') DO NOTHING
     RETURNING *`,
    [randomUUID(), line.type, line.customerNumber, line.didNumber, line.title, line.at.toISOString()],
  );
  if (inserted[0]) return { conversation: toConversation(inserted[0]), created: true };
  const rows = await db.query<ConversationRow>(
    `SELECT * FROM conversations WHERE did_number = $1 AND customer_number = $2 AND type IN ('sms', 'whatsapp')`,
    [line.didNumber, line.customerNumber],
  );
  return { conversation: toConversation(rows[0]!), created: false };
}

/** Returns true when the agent was not a member before. */
export async function addMember(db: Queryable, conversationId: string, agentId: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO conversation_members (conversation_id, agent_id, joined_at) VALUES ($1, $2, $3::timestamptz)
     ON CONFLICT DO NOTHING RETURNING agent_id`,
    [conversationId, agentId, at.toISOString()],
  );
  return rows.length > 0;
}

export async function memberIds(db: Queryable, conversationId: string): Promise<string[]> {
  const rows = await db.query<{ agent_id: string }>(
    'SELECT agent_id FROM conversation_members WHERE conversation_id = $1 ORDER BY agent_id',
    [conversationId],
  );
  return rows.map((r) => r.agent_id);
}

export async function recordActivity(db: Queryable, conversationId: string, at: Date, body: string): Promise<ConversationView> {
  const rows = await db.query<ConversationRow>(
    `UPDATE conversations SET last_message_at = $2::timestamptz, last_message_preview = $3 WHERE id = $1 RETURNING *`,
    [conversationId, at.toISOString(), previewOf(body)],
  );
  return toConversation(rows[0]!);
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
  at: Date;
};

/** Inserts a message; returns null when (senderAgentId, idempotencyKey) already exists. */
export async function insertMessage(db: Queryable, m: NewMessage): Promise<StoredMessage | null> {
  const rows = await db.query<MessageRow>(
    `INSERT INTO messages (id, conversation_id, direction, body, from_number, to_number, status,
       sender_agent_id, idempotency_key, carrier, carrier_message_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz, $12::timestamptz)
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
