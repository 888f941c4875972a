import type { ParleyDb } from './database';

const CURSOR = 'eventCursor';

/** The last event cursor whose effects are stored; the event stream resumes after it. */
export async function getCursor(db: ParleyDb): Promise<number> {
  const row = await db.meta.get(CURSOR);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside the transaction that applied the events, so data and cursor commit together. */
export async function setCursor(db: ParleyDb, cursor: number): Promise<void> {
  await db.meta.put({ key: CURSOR, value: cursor });
}

const CAUGHT_UP = 'caughtUp';

/**
 * Whether this store has once caught up with the PBX. Until then the event backlog is the
 * account's history being imported: it neither counts as unread nor raises notifications.
 */
export async function hasCaughtUp(db: ParleyDb): Promise<boolean> {
  return (await db.meta.get(CAUGHT_UP))?.value === true;
}

/** Call inside the transaction that stored the events up to the "synced" cursor. */
export async function setCaughtUp(db: ParleyDb): Promise<void> {
  await db.meta.put({ key: CAUGHT_UP, value: true });
}

const OWNER = 'owner';

/**
 * Cursors and conversations belong to one agent on one server. Signing in as someone else (or
 * elsewhere) starts from an empty store instead of mixing two agents' inboxes.
 */
export async function claimStore(db: ParleyDb, owner: string): Promise<void> {
  const tables = [db.conversations, db.messages, db.meta, db.receipts, db.groups, db.templates];
  await db.transaction('rw', tables, async () => {
    const row = await db.meta.get(OWNER);
    if (row?.value === owner) return;
    await Promise.all(tables.map((table) => table.clear()));
    await db.meta.put({ key: OWNER, value: owner });
  });
}
