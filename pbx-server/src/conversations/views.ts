import type { Queryable } from '../db/db';
import type { ConversationView, ParticipantView } from '../http/schemas';
import { jsonArray, toConversationRecord, type ConversationRecord, type ConversationRow } from './rows';

/**
 * Wire views of conversations: the row plus its group, designated agent, participants, resolved
 * customer name (parley_contact_name, migration 004) and the viewer's unread count. Two queries for
 * any number of conversations.
 */

type ViewRow = ConversationRow & {
  customer_name: string | null;
  group_kind: 'ring_group' | 'queue' | null;
  group_extension: string | null;
  group_name: string | null;
  designated_extension: string | null;
  designated_name: string | null;
  viewer_unread: number | null;
};

type ParticipantRow = {
  conversation_id: string;
  type: 'agent' | 'external';
  id: string | null;
  extension: string | null;
  name: string | null;
  number: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A view without viewer-specific parts (unreadCount 0); withUnread() fills them per recipient. */
export async function loadConversationViews(db: Queryable, ids: readonly string[], viewerId: string | null): Promise<Map<string, ConversationView>> {
  if (ids.length === 0) return new Map();
  const [rows, participants] = await Promise.all([
    db.query<ViewRow>(
      `SELECT c.*, parley_contact_name(c.customer_number) AS customer_name,
         g.kind AS group_kind, g.extension AS group_extension, g.name AS group_name,
         d.extension AS designated_extension, d.name AS designated_name,
         v.unread_count AS viewer_unread
       FROM conversations c
       LEFT JOIN agent_groups g ON g.id = c.group_id
       LEFT JOIN agents d ON d.id = c.designated_agent_id
       LEFT JOIN conversation_members v ON v.conversation_id = c.id AND v.agent_id = $2
       WHERE c.id IN (SELECT jsonb_array_elements_text($1::text::jsonb))`,
      [jsonArray(ids), viewerId ?? ''],
    ),
    db.query<ParticipantRow>(
      `SELECT m.conversation_id, 'agent' AS type, a.id, a.extension, a.name, NULL AS number, m.joined_at AS at, a.extension AS sort_key
       FROM conversation_members m JOIN agents a ON a.id = m.agent_id
       WHERE m.conversation_id IN (SELECT jsonb_array_elements_text($1::text::jsonb))
       UNION ALL
       SELECT x.conversation_id, 'external', NULL, NULL, parley_contact_name(x.number), x.number, x.added_at, x.number
       FROM conversation_externals x
       WHERE x.conversation_id IN (SELECT jsonb_array_elements_text($1::text::jsonb))
       ORDER BY 2, 7, 8`,
      [jsonArray(ids)],
    ),
  ]);
  const byConversation = new Map<string, ParticipantView[]>();
  for (const p of participants) {
    const list = byConversation.get(p.conversation_id) ?? [];
    list.push(
      p.type === 'agent'
        ? { type: 'agent', id: p.id!, extension: p.extension!, name: p.name! }
        : { type: 'external', number: p.number!, name: p.name },
    );
    byConversation.set(p.conversation_id, list);
  }
  return new Map(rows.map((r) => [r.id, toView(r, byConversation.get(r.id) ?? [])]));
}

export async function loadConversationView(db: Queryable, id: string, viewerId: string | null): Promise<ConversationView> {
  const view = (await loadConversationViews(db, [id], viewerId)).get(id);
  if (!view) throw new Error(`conversation ${id} vanished`);
  return view;
}

function toView(r: ViewRow, participants: ParticipantView[]): ConversationView {
  const c: ConversationRecord = toConversationRecord(r);
  return {
    id: c.id,
    type: c.type,
    customerNumber: c.customerNumber,
    didNumber: c.didNumber,
    title: c.title,
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: iso(c.lastMessageAt),
    lastMessagePreview: c.lastMessagePreview,
    optedOut: c.optedOut,
    customerName: r.customer_name,
    state: c.state,
    group: c.groupId ? { id: c.groupId, kind: r.group_kind!, extension: r.group_extension!, name: r.group_name! } : null,
    designatedAgent: c.designatedAgentId
      ? { id: c.designatedAgentId, extension: r.designated_extension!, name: r.designated_name! }
      : null,
    mentionedAgentId: c.mentionedAgentId,
    waitingSince: iso(c.waitingSince),
    closedAt: iso(c.closedAt),
    participants,
    unreadCount: Number(r.viewer_unread ?? 0),
  };
}

/** The same view as another member sees it. */
export const withUnread = (view: ConversationView, unreadCount: number): ConversationView => ({ ...view, unreadCount });
