import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { agentRef } from '../directory/agents';
import type { EventWriter } from '../events/unit-of-work';
import { forbidden, notFound } from '../http/errors';
import type { AgentRefView, AgentView, ConversationView } from '../http/schemas';
import { requireVisible } from './access';
import { isMember } from './store';
import { memberUnread, notifyMembers } from './timeline';
import { loadConversationView } from './views';

export type Receipt = { agent: AgentRefView; lastReadMessageId: string | null; readAt: string | null };

/**
 * Read receipts per internal participant and unread counts per agent and conversation (seed 002
 * "Read Receipts", "Real-Time Delivery"). An agent's unread count in a conversation is the texts
 * after its read mark that it did not send itself; automated texts and system lines never count.
 */
export class ReadState {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock }) {}

  /**
   * Marks the conversation read up to a message (default: its newest). Marks only move forward.
   * Members get conversation.read (the receipt); the reader's sessions get its new unread count.
   */
  markRead(agent: AgentView, conversationId: string, messageId?: string): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      await requireVisible(tx, conversationId, agent);
      if (!(await isMember(tx, conversationId, agent.id))) throw forbidden('only participants keep a read mark here');
      const target = await tx.query<{ id: string; seq: unknown }>(
        messageId
          ? 'SELECT id, seq FROM messages WHERE conversation_id = $1 AND id = $2'
          : 'SELECT id, seq FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1',
        messageId ? [conversationId, messageId] : [conversationId],
      );
      if (messageId && !target[0]) throw notFound('message');
      if (!target[0]) return loadConversationView(tx, conversationId, agent.id);
      const moved = await tx.query(
        `UPDATE conversation_members m SET last_read_seq = $3::int8, last_read_at = $4::timestamptz,
           unread_base = (SELECT unread_total FROM conversations c WHERE c.id = m.conversation_id) - (SELECT count(*) FROM messages x WHERE x.conversation_id = m.conversation_id AND x.seq > $3::int8
             AND x.kind = 'text' AND x.sender_agent_id IS DISTINCT FROM m.agent_id
             AND NOT (x.direction = 'outbound' AND x.sender_agent_id IS NULL))
         WHERE m.conversation_id = $1 AND m.agent_id = $2 AND m.last_read_seq < $3::int8
         RETURNING agent_id`,
        [conversationId, agent.id, String(target[0].seq), at.toISOString()],
      );
      if (moved.length > 0) {
        const read = { kind: 'conversation.read' as const, conversationId, agent: agentRef(agent), lastReadMessageId: target[0].id, readAt: at.toISOString() };
        emit([...(await memberUnread(tx, conversationId)).keys()], read);
        await notifyMembers(tx, emit, conversationId, (view) => ({ kind: 'conversation.updated', conversation: view }), { only: (id) => id === agent.id });
      }
      return loadConversationView(tx, conversationId, agent.id);
    });
  }

  /** Every participant's read mark (for "read by Amy" under a sent message). */
  async receipts(agent: AgentView, conversationId: string): Promise<Receipt[]> {
    await requireVisible(this.deps.db, conversationId, agent);
    const rows = await this.deps.db.query<{ id: string; extension: string; name: string; message_id: string | null; last_read_at: Date | string | null }>(
      `SELECT a.id, a.extension, a.name, x.id AS message_id, m.last_read_at
       FROM conversation_members m JOIN agents a ON a.id = m.agent_id
       LEFT JOIN messages x ON x.conversation_id = m.conversation_id AND x.seq = m.last_read_seq
       WHERE m.conversation_id = $1 ORDER BY a.extension`,
      [conversationId],
    );
    return rows.map((r) => ({
      agent: { id: r.id, extension: r.extension, name: r.name },
      lastReadMessageId: r.message_id,
      readAt: r.last_read_at ? new Date(r.last_read_at).toISOString() : null,
    }));
  }

  /** The agent's unread texts: the total and each conversation with any. */
  async unread(agent: AgentView): Promise<{ total: number; conversations: { conversationId: string; unreadCount: number }[] }> {
    const rows = await this.deps.db.query<{ conversation_id: string; unread_count: unknown }>(
      `SELECT m.conversation_id, c.unread_total - m.unread_base AS unread_count
       FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.agent_id = $1 AND c.unread_total > m.unread_base ORDER BY m.conversation_id`,
      [agent.id],
    );
    const conversations = rows.map((r) => ({ conversationId: r.conversation_id, unreadCount: Number(r.unread_count) }));
    return { total: conversations.reduce((sum, c) => sum + c.unreadCount, 0), conversations };
  }
}
