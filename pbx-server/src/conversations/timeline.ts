import type { Queryable } from '../db/db';
import type { Emit } from '../events/unit-of-work';
import type { PbxEvent } from '../events/types';
import type { ConversationView, SystemEvent } from '../http/schemas';
import { bumpUnread, insertMessage, messageView, touchActivity, type NewMessage, type StoredMessage } from './store';
import { loadConversationView } from './views';

/** Every member with their unread count (what each recipient's copy of a view shows). */
export async function memberUnread(db: Queryable, conversationId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ agent_id: string; unread_count: unknown }>(
    `SELECT m.agent_id, c.unread_total - m.unread_base AS unread_count
     FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id WHERE m.conversation_id = $1`,
    [conversationId],
  );
  return new Map(rows.map((r) => [r.agent_id, Number(r.unread_count)]));
}

/**
 * Sends members (all, or those `only` accepts) an event built around their own view of the
 * conversation. `unread`: the members' counts when the caller has them already.
 */
export async function notifyMembers(
  db: Queryable,
  emit: Emit,
  conversationId: string,
  build: (view: ConversationView) => PbxEvent,
  opts: { unread?: Map<string, number>; only?: (agentId: string) => boolean } = {},
): Promise<ConversationView> {
  const counts = opts.unread ?? (await memberUnread(db, conversationId));
  const view = await loadConversationView(db, conversationId, null);
  const recipients = [...counts.keys()].filter((id) => !opts.only || opts.only(id));
  emit(recipients, build(view), counts);
  return view;
}

/**
 * Adds a message to a conversation's timeline and tells every member (message.created). Texts move
 * the conversation's activity and count as unread for everyone but their sender, except automated
 * ones (a bot's or a queue's reply: outbound without an agent); system lines do neither. Null when
 * (sender, idempotencyKey) was used before.
 */
export async function appendMessage(db: Queryable, emit: Emit, m: NewMessage): Promise<StoredMessage | null> {
  const message = await insertMessage(db, m);
  if (!message) return null;
  let unread: Map<string, number> | undefined;
  if (message.kind === 'text') {
    await touchActivity(db, m.conversationId, m.at, m.body);
    const automated = message.direction === 'outbound' && message.senderAgentId === null;
    if (!automated) unread = await bumpUnread(db, m.conversationId, m.senderAgentId);
  }
  await notifyMembers(db, emit, m.conversationId, (conversation) => ({ kind: 'message.created', conversation, message: messageView(message) }), { unread });
  return message;
}

/** A lifecycle line ("Entered SMS Support Queue") in the timeline. */
export function appendSystemMessage(db: Queryable, emit: Emit, conversationId: string, body: string, systemEvent: SystemEvent, at: Date) {
  return appendMessage(db, emit, {
    conversationId,
    direction: 'inbound',
    body,
    from: '',
    to: '',
    status: 'received',
    senderAgentId: null,
    idempotencyKey: null,
    carrier: null,
    kind: 'system',
    systemEvent,
    at,
  });
}
