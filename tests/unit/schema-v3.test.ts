import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '../../utils/db/database';
import { timeline } from '../../utils/db/messages';
import { getCursor } from '../../utils/db/meta';
import { schemaVersions } from '../../utils/db/schema';
import { searchHistory } from '../../utils/db/search';
import { indexMissingWords } from '../../utils/sync/word-indexer';
import { conversation, message } from '../setup/fixtures';

let name: string;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  name = `v3-upgrade-${++n}`;
});

/** A database exactly as version 2 left it: v2's stores, rows without search words. */
async function createVersion2Database(): Promise<void> {
  const v2 = new Dexie(name);
  for (const version of schemaVersions.filter((v) => v.version <= 2)) v2.version(version.version).stores(version.stores);
  await v2.open();
  await v2.table('conversations').put({ ...conversation({ id: 'c1' }), activityAt: 5, unread: 2 });
  await v2.table('messages').bulkPut([
    message({ id: 'm1', body: 'Où est mon colis?' }),
    message({ id: 'm2', body: 'Entered SMS Support Queue', kind: 'system', createdAt: 2 }),
    { ...message({ id: 'key-outbox-0001', direction: 'outbound', status: 'queued', body: 'On its way', idempotencyKey: 'key-outbox-0001', createdAt: 9 }), pending: 1 },
  ]);
  await v2.table('meta').put({ key: 'eventCursor', value: 77 });
  v2.close();
}

describe('schema version 3', () => {
  it('upgrades a version 2 database without rewriting its rows; the background pass gives them their search words', async () => {
    await createVersion2Database();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect((await db.messages.toArray()).every((row) => row.words === undefined)).toBe(true);
    expect(await indexMissingWords(db)).toBe(2);
    const rows = await db.messages.toArray();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.words]))).toEqual({
      m1: ['ou', 'est', 'mon', 'colis'],
      // System lines are not searchable.
      m2: undefined,
      'key-outbox-0001': ['on', 'its', 'way'],
    });
    expect((await searchHistory(db, 'COLIS')).messages.map((row) => row.id)).toEqual(['m1']);
    expect((await db.conversations.get('c1'))?.unread).toBe(2);
    expect((await timeline(db, 'c1')).map((row) => row.id)).toEqual(['m2', 'key-outbox-0001', 'm1']);
    expect(await getCursor(db)).toBe(77);
    db.close();
  });

  it('has the stores and indexes the panel queries use', async () => {
    const db = openDb(name);
    await db.open();
    expect(db.conversations.schema.indexes.map((index) => index.name)).toContain('state');
    expect(db.messages.schema.indexes.find((index) => index.name === 'words')?.multi).toBe(true);
    expect(db.receipts.schema.primKey.name).toBe('[conversationId+agentId]');
    expect(db.receipts.schema.indexes.map((index) => index.name)).toContain('conversationId');
    expect(db.groups.schema.primKey.name).toBe('id');
    expect(db.templates.schema.indexes.map((index) => index.name)).toContain('scope');
    db.close();
  });
});
