import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessages, upsertMessage } from '../../utils/db/messages';
import { schemaVersions } from '../../utils/db/schema';
import { timelineLength, timelinePage } from '../../utils/db/timeline-window';
import { applyEvents } from '../../utils/sync/apply-events';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`number-thread-${++n}`);
  await db.open();
});

const ids = async (conversationId: string, fromEnd = 0, limit = 50) => (await timelinePage(db, conversationId, { fromEnd }, limit)).map((row) => row.id);

describe('one history per phone number', () => {
  it('shows every conversation with the number in the thread, from every write path, in time order', async () => {
    const closed = conversation({ id: 'q-old', state: 'closed', lastMessageAt: 10 });
    const next = conversation({ id: 'q-new', state: 'waiting', lastMessageAt: 40 });
    const other = conversation({ id: 'other', customerNumber: '+15035550177', lastMessageAt: 50 });
    await applyEvents(db, [
      { kind: 'caught-up', cursor: 0 },
      { kind: 'message', cursor: 1, conversation: closed, message: message({ id: 'a', conversationId: 'q-old', createdAt: 1 }) },
      { kind: 'message', cursor: 2, conversation: closed, message: message({ id: 'c', conversationId: 'q-old', kind: 'system', body: 'Conversation closed', createdAt: 3 }) },
      { kind: 'message', cursor: 3, conversation: next, message: message({ id: 'd', conversationId: 'q-new', createdAt: 4 }) },
      { kind: 'message', cursor: 4, conversation: other, message: message({ id: 'x', conversationId: 'other', createdAt: 2 }) },
      // A status update keeps the message in its thread.
      { kind: 'status', cursor: 5, message: message({ id: 'a', conversationId: 'q-old', createdAt: 1 }) },
    ]);
    await upsertMessage(db, message({ id: 'b', conversationId: 'q-old', direction: 'outbound', status: 'delivered', createdAt: 2 }));
    const [queued] = await addOutboxMessages(db, [{ idempotencyKey: 'key-000001', conversationId: 'q-new', body: 'On it' }], 5);

    expect(await ids('q-new')).toEqual(['a', 'b', 'c', 'd', queued!.id]);
    expect(await ids('q-old')).toEqual(['a', 'b', 'c', 'd', queued!.id]);
    expect(await timelineLength(db, 'q-new')).toBe(5);
    // Pages count back from the newest.
    expect(await ids('q-new', 2, 2)).toEqual(['b', 'c']);
    // Another number's thread is its own.
    expect(await ids('other')).toEqual(['x']);
  });

  it('keeps chats between agents to their own conversation', async () => {
    await upsertConversation(db, conversation({ id: 'd1', type: 'direct', customerNumber: null }));
    await upsertConversation(db, conversation({ id: 'd2', type: 'direct', customerNumber: null }));
    await upsertMessage(db, message({ id: 'm1', conversationId: 'd1' }));
    await upsertMessage(db, message({ id: 'm2', conversationId: 'd2' }));
    expect(await ids('d1')).toEqual(['m1']);
  });

  it('upgrades stored messages to version 5 with their thread', async () => {
    const name = `number-thread-upgrade-${n}`;
    const v4 = new Dexie(name);
    for (const version of schemaVersions.filter((v) => v.version <= 4)) v4.version(version.version).stores(version.stores);
    await v4.open();
    await v4.table('conversations').bulkPut([
      { ...conversation({ id: 'one' }), activityAt: 1, unread: 0 },
      { ...conversation({ id: 'two', lastMessageAt: 9 }), activityAt: 9, unread: 0 },
    ]);
    await v4.table('messages').bulkPut([message({ id: 'm1', conversationId: 'one', createdAt: 1 }), message({ id: 'm2', conversationId: 'two', createdAt: 2 })]);
    v4.close();
    db = openDb(name);
    await db.open();
    expect((await db.messages.toArray()).map((row) => row.thread)).toEqual(['number:+15035550142', 'number:+15035550142']);
    expect(await ids('one')).toEqual(['m1', 'm2']);
  });
});
