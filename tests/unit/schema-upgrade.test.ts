import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestConversationWith, listConversations, totalUnread } from '../../utils/db/conversations';
import { openDb } from '../../utils/db/database';
import { queuedOutbox, timeline } from '../../utils/db/messages';
import { getCursor } from '../../utils/db/meta';
import { schemaVersions } from '../../utils/db/schema';
import { conversation, message } from '../setup/fixtures';

let name: string;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  name = `upgrade-${++n}`;
});

/** A database exactly as version 1 of the extension left it: only v1's stores, v1-shaped rows. */
async function createVersion1Database(): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(schemaVersions.find((v) => v.version === 1)!.stores);
  await v1.open();
  await v1.table('conversations').bulkPut([
    conversation({ id: 'old', customerNumber: '+15035550142', lastMessageAt: Date.parse('2026-11-20T10:00:00Z') }),
    conversation({ id: 'newer', customerNumber: '+15035550142', lastMessageAt: Date.parse('2026-11-21T10:00:00Z') }),
    // Opened from a CRM number, no message yet: v1 could not index it by lastMessageAt (null).
    conversation({ id: 'empty', customerNumber: '+15035550177', lastMessageAt: null, lastMessagePreview: null, createdAt: Date.parse('2026-11-22T08:00:00Z') }),
  ]);
  await v1.table('messages').bulkPut([
    message({ id: 'm1', conversationId: 'old' }),
    { ...message({ id: 'key-outbox-0001', conversationId: 'newer', direction: 'outbound', status: 'queued', idempotencyKey: 'key-outbox-0001', createdAt: 9 }), pending: 1 },
  ]);
  await v1.table('meta').bulkPut([
    { key: 'eventCursor', value: 41 },
    { key: 'owner', value: 'a1@http://127.0.0.1:8787' },
  ]);
  v1.close();
}

describe('schema upgrade', () => {
  it('keeps the versions ascending, each newer than the last', () => {
    const versions = schemaVersions.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('opens a version 1 database and upgrades its rows in place', async () => {
    await createVersion1Database();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(schemaVersions.at(-1)!.version);

    // Every conversation got the indexed activity time and an unread count.
    const rows = await db.conversations.toArray();
    expect(rows.map((row) => [row.id, row.activityAt, row.unread]).sort()).toEqual(
      [
        ['empty', Date.parse('2026-11-22T08:00:00Z'), 0],
        ['newer', Date.parse('2026-11-21T10:00:00Z'), 0],
        ['old', Date.parse('2026-11-20T10:00:00Z'), 0],
      ].sort(),
    );
    expect((await listConversations(db)).map((row) => row.id)).toEqual(['empty', 'newer', 'old']);
    expect(await totalUnread(db)).toBe(0);

    // The per-phone index finds the latest conversation, including one without messages.
    expect((await latestConversationWith(db, '+15035550142'))?.id).toBe('newer');
    expect((await latestConversationWith(db, '+15035550177'))?.id).toBe('empty');

    // Messages, the queued reply and the cursor survive: nothing is resent twice or missed.
    expect((await timeline(db, 'old')).map((row) => row.id)).toEqual(['m1']);
    expect((await queuedOutbox(db)).map((row) => row.id)).toEqual(['key-outbox-0001']);
    expect(await getCursor(db)).toBe(41);
    db.close();
  });

  it('creates a fresh database at the latest version with every index the queries use', async () => {
    const db = openDb(name);
    await db.open();
    expect(db.conversations.schema.indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['activityAt', '[customerNumber+activityAt]', 'unread']));
    expect(db.messages.schema.indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['[conversationId+createdAt]', 'idempotencyKey', '[pending+createdAt]']));
    db.close();
  });
});
