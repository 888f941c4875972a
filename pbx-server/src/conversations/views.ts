import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import type { ConversationView, ParticipantView } from '../http/schemas';
import { toConversationRecord, type ConversationRow } from './rows';

/**
 * Wire views of conversations: the row plus its group, designated agent, participants, resolved
 * customer name (parley_contact_name, migration 004) and the viewer's unread count. One query for
 * any number of conversations; the inbound path selects the same columns with its own WHERE.
 */

export type ViewRow = ConversationRow & {
  customer_name: string | null;
  group_kind: 'ring_group' | 'queue' | null;
  group_extension: string | null;
  group_name: string | null;
  designated_extension: string | null;
  designated_name: string | null;
  viewer_unread: number | null;
  participants: ParticipantView[] | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The view's columns over `conversations c` (the FROM must name it c and join VIEW_JOINS); $2 is
 * the viewer's agent id ('' for none).
 */
export const VIEW_COLUMNS = `c.*, parley_contact_name(c.customer_number) AS customer_name,
  g.kind AS group_kind, g.extension AS group_extension, g.name AS group_name,
  d.extension AS designated_extension, d.name AS designated_name,
  c.unread_total - v.unread_base AS viewer_unread,
  (SELECT jsonb_agg(p.participant ORDER BY p.rank, p.at, p.sort_key) FROM (
     SELECT 1 AS rank, m.joined_at AS at, a.extension AS sort_key,
       jsonb_build_object('type', 'agent', 'id', a.id, 'extension', a.extension, 'name', a.name) AS participant
     FROM conversation_members m JOIN agents a ON a.id = m.agent_id WHERE m.conversation_id = c.id
     UNION ALL
     SELECT 2, x.added_at, x.number,
       jsonb_build_object('type', 'external', 'number', x.number, 'name', parley_contact_name(x.number))
     FROM conversation_externals x WHERE x.conversation_id = c.id
   ) p) AS participants`;

export const VIEW_JOINS = `LEFT JOIN agent_groups g ON g.id = c.group_id
  LEFT JOIN agents d ON d.id = c.designated_agent_id
  LEFT JOIN conversation_members v ON v.conversation_id = c.id AND v.agent_id = $2`;

export async function loadConversationViews(db: Queryable, ids: readonly string[], viewerId: string | null): Promise<Map<string, ConversationView>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM conversations c ${VIEW_JOINS} WHERE c.id = ANY($1::text[])`, [
    sqlArray(ids),
    viewerId ?? '',
  ]);
  return new Map(rows.map((r) => [r.id, toView(r)]));
}

/** One conversation's view; viewerId null: unreadCount 0 (events carry each recipient's count). */
export async function loadConversationView(db: Queryable, id: string, viewerId: string | null): Promise<ConversationView> {
  const view = (await loadConversationViews(db, [id], viewerId)).get(id);
  if (!view) throw new Error(`conversation ${id} vanished`);
  return view;
}

export function toView(r: ViewRow): ConversationView {
  const c = toConversationRecord(r);
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
    participants: r.participants ?? [],
    unreadCount: Number(r.viewer_unread ?? 0),
  };
}
