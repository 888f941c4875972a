import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import type { ConversationView } from '../http/schemas';
import { toView, VIEW_COLUMNS, VIEW_JOINS, type ViewRow } from '../conversations/views';

/**
 * Which state of a conversation's view a snapshot shows (migration 011): the conversation's
 * view_version and the shared view_epoch. Whatever a view shows changes one of them in the same
 * transaction, so two snapshots with the same key show the same view (activity and unread counts
 * aside, which every event sets itself).
 */
export type ViewKey = { version: number; epoch: number };

type Entry = { key: ViewKey; view: ConversationView };

// Conversations with recent texts; a text to one that fell out costs one view query.
const CAPACITY = 20_000;

/**
 * Conversation views of the inbound path, so a follow-up text does not recompute its conversation's
 * view (members, names, group: the most expensive query of a text). An entry is used only under the
 * key it was read with, and only entries read in committed transactions are kept (see remember), so
 * a view is never served for a state it does not show, also with several servers on one database.
 */
export class InboundViewCache {
  private readonly entries = new Map<string, Entry>();

  get(conversationId: string, key: ViewKey): ConversationView | null {
    const entry = this.entries.get(conversationId);
    if (!entry || entry.key.version !== key.version || entry.key.epoch !== key.epoch) return null;
    // Map order is insertion order: moving a hit to the end keeps the least recently used first.
    this.entries.delete(conversationId);
    this.entries.set(conversationId, entry);
    return entry.view;
  }

  /** Call after the transaction that read the views committed (a rolled-back read names no state). */
  remember(loaded: ReadonlyMap<string, Entry>): void {
    for (const [id, entry] of loaded) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= CAPACITY) break;
      this.entries.delete(id);
    }
  }
}

/** Views (viewer-neutral: unreadCount 0) with the key each was read under, in one statement. */
export async function loadKeyedViews(db: Queryable, ids: readonly string[]): Promise<Map<string, Entry>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<ViewRow & { view_version: unknown; view_epoch: unknown }>(
    `SELECT ${VIEW_COLUMNS}, (SELECT epoch FROM view_epoch) AS view_epoch
     FROM conversations c ${VIEW_JOINS} WHERE c.id = ANY($1::text[])`,
    [sqlArray(ids), ''],
  );
  return new Map(rows.map((r) => [r.id, { key: { version: Number(r.view_version), epoch: Number(r.view_epoch) }, view: toView(r) }]));
}
