import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listConversations, upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessage, pendingOutbox, timeline, upsertMessage } from '../../utils/db/messages';
import { claimStore, getCursor, setCursor } from '../../utils/db/meta';
import { schemaVersions } from '../../utils/db/schema';
import { SyncEngine } from '../../utils/sync/engine';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let dbCount = 0;

beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`test-${++dbCount}`);
});

describe('schema', () => {
  it('keeps versions ascending and indexes the timeline by [conversationId+createdAt]', async () => {
    const versions = schemaVersions.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    await db.open();
    const indexes = db.messages.schema.indexes.map((index) => index.name);
    expect(indexes).toContain('[conversationId+createdAt]');
    expect(indexes).toContain('idempotencyKey');
  });
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
    await addOutboxMessage(db, { idempotencyKey: key, conversationId: 'c1', body: 'On its way', createdAt: 5_000 });
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([[key, 'queued']]);
    expect(await pendingOutbox(db)).toHaveLength(1);

    await upsertMessage(db, message({ id: 'srv-1', direction: 'outbound', body: 'On its way', status: 'sent', idempotencyKey: key, createdAt: 5_100 }));

    const thread = await timeline(db, 'c1');
    expect(thread.map((m) => [m.id, m.status])).toEqual([['srv-1', 'sent']]);
    expect(await pendingOutbox(db)).toEqual([]);
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

describe('sync engine', () => {
  it('applies events in order and stores the cursor with them', async () => {
    const failures: unknown[] = [];
    const engine = new SyncEngine(db, (error) => failures.push(error));
    engine.push({ kind: 'message', cursor: 1, conversation: conversation(), message: message({ id: 'out', direction: 'outbound', status: 'queued' }) });
    engine.push({ kind: 'status', cursor: 2, message: message({ id: 'out', direction: 'outbound', status: 'delivered' }) });
    engine.push({ kind: 'conversation', cursor: 3, conversation: conversation({ title: 'Maria L.', lastMessageAt: Date.parse('2026-11-20T11:00:00Z') }) });
    await engine.idle();
    expect(failures).toEqual([]);
    expect((await db.messages.get('out'))?.status).toBe('delivered');
    expect((await db.conversations.get('c1'))?.title).toBe('Maria L.');
    expect(await getCursor(db)).toBe(3);
  });
});
