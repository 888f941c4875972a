import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listConversations, upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessages, queuedOutbox, timeline, upsertMessage } from '../../utils/db/messages';
import { claimStore, getCursor, setCursor } from '../../utils/db/meta';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let dbCount = 0;

beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`test-${++dbCount}`);
});

describe('conversations', () => {
  it('upserts idempotently and lists newest activity first', async () => {
    const older = conversation({ id: 'a', lastMessageAt: 1_000 });
    const newer = conversation({ id: 'b', lastMessageAt: 2_000 });
    await upsertConversation(db, older);
    await upsertConversation(db, newer);
    await upsertConversation(db, older);
    expect((await listConversations(db)).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('does not let a stale copy roll back the preview', async () => {
    await upsertConversation(db, conversation({ lastMessageAt: 2_000, lastMessagePreview: 'new' }));
    await upsertConversation(db, conversation({ lastMessageAt: 1_000, lastMessagePreview: 'old' }));
    expect((await db.conversations.get('c1'))?.lastMessagePreview).toBe('new');
  });
});

describe('messages', () => {
  it('returns a conversation timeline oldest first, whatever the insertion order', async () => {
    await upsertMessage(db, message({ id: 'm3', createdAt: 3_000 }));
    await upsertMessage(db, message({ id: 'm1', createdAt: 1_000 }));
    await upsertMessage(db, message({ id: 'other', conversationId: 'c2', createdAt: 2_000 }));
    await upsertMessage(db, message({ id: 'm2', createdAt: 2_000 }));
    expect((await timeline(db, 'c1')).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('stores a replayed message once', async () => {
    await upsertMessage(db, message());
    await upsertMessage(db, message());
    expect(await db.messages.count()).toBe(1);
  });

  it('never moves a status backwards', async () => {
    const outbound = message({ id: 'm9', direction: 'outbound', status: 'delivered' });
    await upsertMessage(db, outbound);
    await upsertMessage(db, { ...outbound, status: 'queued' });
    expect((await db.messages.get('m9'))?.status).toBe('delivered');
  });

  it('replaces the outbox row with the server message carrying its idempotency key', async () => {
    const key = 'key-0001-abcdef';
    await addOutboxMessages(db, [{ idempotencyKey: key, conversationId: 'c1', body: 'On its way' }], 5_000);
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([[key, 'queued']]);
    expect(await queuedOutbox(db)).toHaveLength(1);

    await upsertMessage(db, message({ id: 'srv-1', direction: 'outbound', body: 'On its way', status: 'sent', idempotencyKey: key, createdAt: 5_100 }));

    const thread = await timeline(db, 'c1');
    expect(thread.map((m) => [m.id, m.status])).toEqual([['srv-1', 'sent']]);
    expect(await queuedOutbox(db)).toEqual([]);
  });
});

describe('meta', () => {
  it('persists the event cursor', async () => {
    expect(await getCursor(db)).toBe(0);
    await setCursor(db, 42);
    db.close();
    const reopened = openDb(db.name);
    expect(await getCursor(reopened)).toBe(42);
  });

  it('starts from an empty store when another agent signs in', async () => {
    await claimStore(db, '1@http://a');
    await upsertConversation(db, conversation());
    await setCursor(db, 7);
    await claimStore(db, '1@http://a');
    expect(await getCursor(db)).toBe(7);
    await claimStore(db, '2@http://a');
    expect(await getCursor(db)).toBe(0);
    expect(await db.conversations.count()).toBe(0);
  });
});
