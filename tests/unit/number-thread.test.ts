import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessages, upsertMessage } from '../../utils/db/messages';
import { schemaVersions } from '../../utils/db/schema';
import { threadKeyOf } from '../../utils/db/thread-key';
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

const maria = 'number:+15035550142';
const ids = async (thread: string, fromEnd = 0, limit = 50) => (await timelinePage(db, thread, { fromEnd }, limit)).map((row) => row.id);

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

    // Both conversations show the number's thread (threadKeyOf either of them).
    expect(threadKeyOf(closed)).toBe(maria);
    expect(threadKeyOf(next)).toBe(maria);
    expect(await ids(maria)).toEqual(['a', 'b', 'c', 'd', queued!.id]);
    expect(await timelineLength(db, maria)).toBe(5);
    // Pages count back from the newest.
    expect(await ids(maria, 2, 2)).toEqual(['b', 'c']);
    // Another number's thread is its own.
    expect(await ids(threadKeyOf(other))).toEqual(['x']);
  });

  it('reads the newest page of a number with several conversations off the thread index alone, in one read', async () => {
    await upsertConversation(db, conversation({ id: 'q-old', state: 'closed', lastMessageAt: 10 }));
    await upsertConversation(db, conversation({ id: 'q-new', lastMessageAt: 40 }));
    await upsertMessage(db, message({ id: 'a', conversationId: 'q-old', createdAt: 1 }));
    await upsertMessage(db, message({ id: 'b', conversationId: 'q-new', createdAt: 2 }));
    // A transaction over the messages table only: a read of the conversations (to find the
    // thread, or count the number's conversations) before the page would fail here.
    const reads: string[] = [];
    const page = await db.transaction('r', db.messages, () => {
      const table = db.messages;
      const where = table.where.bind(table);
      table.where = ((index: string) => (reads.push(index), where(index))) as typeof table.where;
      return timelinePage(db, maria, { fromEnd: 0 }, 50).finally(() => (table.where = where));
    });
    expect(page.map((row) => row.id)).toEqual(['a', 'b']);
    expect(reads).toEqual(['[thread+createdAt]']);
  });

  it('keeps chats between agents to their own conversation', async () => {
    await upsertConversation(db, conversation({ id: 'd1', type: 'direct', customerNumber: null }));
    await upsertConversation(db, conversation({ id: 'd2', type: 'direct', customerNumber: null }));
    await upsertMessage(db, message({ id: 'm1', conversationId: 'd1' }));
    await upsertMessage(db, message({ id: 'm2', conversationId: 'd2' }));
    expect(await ids('conversation:d1')).toEqual(['m1']);
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
    expect(await ids(maria)).toEqual(['m1', 'm2']);
  });
});
