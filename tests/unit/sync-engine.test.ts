import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessages, timeline, upsertMessage } from '../../utils/db/messages';
import { getCursor, hasCaughtUp } from '../../utils/db/meta';
import type { PbxEvent } from '../../utils/pbx/connector';
import { ParleyConnector } from '../../utils/pbx/parley';
import type { Arrival } from '../../utils/sync/apply-events';
import { SyncEngine } from '../../utils/sync/engine';
import { syncFrom } from '../../utils/sync/link';
import { FakePbx } from '../setup/fake-pbx';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`sync-${++n}`);
});
afterEach(() => db.delete());

const agent = { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const };
const session = { serverUrl: 'http://pbx.test', refreshToken: 'r1', agent, access: { accessToken: 'a1', renewAt: Date.now() + 3_600_000 } };

function inbound(i: number, conversationId = 'c1') {
  const at = Date.parse('2026-11-20T10:00:00Z') + i * 1000;
  return {
    conversation: conversation({ id: conversationId, lastMessageAt: at, lastMessagePreview: `text ${i}` }),
    message: message({ id: `m${i}`, conversationId, body: `text ${i}`, createdAt: at }),
  };
}

function engineWith(options: { batchSize?: number } = {}) {
  const failures: unknown[] = [];
  const arrivals: Arrival[] = [];
  const engine = new SyncEngine(db, { onFailure: (error) => failures.push(error), onArrivals: (batch) => arrivals.push(...batch), ...options });
  return { engine, failures, arrivals };
}

describe('sync engine: cursor', () => {
  it('applies events in order and stores the cursor with them', async () => {
    const { engine, failures } = engineWith();
    engine.push({ kind: 'message', cursor: 1, conversation: conversation(), message: message({ id: 'out', direction: 'outbound', status: 'queued' }) });
    engine.push({ kind: 'status', cursor: 2, message: message({ id: 'out', direction: 'outbound', status: 'delivered' }) });
    engine.push({ kind: 'status', cursor: 3, message: message({ id: 'out', direction: 'outbound', status: 'sent' }) });
    engine.push({ kind: 'conversation', cursor: 4, conversation: conversation({ title: 'Maria L.', lastMessageAt: Date.parse('2026-11-20T11:00:00Z') }) });
    await engine.idle();
    expect(failures).toEqual([]);
    // "sent" arriving after "delivered" does not move the status backwards.
    expect((await db.messages.get('out'))?.status).toBe('delivered');
    expect((await db.conversations.get('c1'))?.title).toBe('Maria L.');
    expect(await getCursor(db)).toBe(4);
  });

  it('moves the cursor past an event it does not use (checkpoint)', async () => {
    const { engine } = engineWith();
    engine.push({ kind: 'message', cursor: 7, ...inbound(1) });
    engine.push({ kind: 'checkpoint', cursor: 9 });
    await engine.idle();
    expect(await getCursor(db)).toBe(9);
    expect(await db.messages.count()).toBe(1);
  });

  it('writes a large backlog in bounded transactions, each with its cursor', async () => {
    const { engine } = engineWith({ batchSize: 100 });
    const transactions = vi.spyOn(db, 'transaction');
    for (let i = 1; i <= 1_050; i++) engine.push({ kind: 'message', cursor: i, ...inbound(i, `c${i % 7}`) });
    await engine.idle();
    expect(await db.messages.count()).toBe(1_050);
    expect(await db.conversations.count()).toBe(7);
    expect(await getCursor(db)).toBe(1_050);
    const batches = transactions.mock.calls.length;
    expect(batches).toBeGreaterThanOrEqual(11);
    expect(batches).toBeLessThanOrEqual(12);
  });

  it('reports a batch it cannot store, keeps the cursor and drops the rest for a replay', async () => {
    const { engine, failures } = engineWith();
    engine.push({ kind: 'message', cursor: 1, ...inbound(1) });
    await engine.idle();
    const broken = inbound(2);
    engine.push({ kind: 'message', cursor: 2, conversation: broken.conversation, message: { ...broken.message, id: undefined as unknown as string } });
    engine.push({ kind: 'message', cursor: 3, ...inbound(3) });
    await engine.idle();
    expect(failures).toHaveLength(1);
    expect(await getCursor(db)).toBe(1);
    expect(engine.backlog).toBe(0);
    expect((await timeline(db, 'c1')).map((m) => m.id)).toEqual(['m1']);
  });

  it('merges with rows stored before (a REST answer), adds the rest, and counts only what is new', async () => {
    const { engine, arrivals } = engineWith();
    engine.caughtUp(0);
    await engine.idle();
    // The outbox stored the server's answer (already "sent"), and a thread was loaded over REST.
    await upsertMessage(db, message({ id: 'reply', direction: 'outbound', status: 'sent', body: 'On its way' }));
    await upsertMessage(db, inbound(1).message);
    engine.push({ kind: 'message', cursor: 1, conversation: conversation(), message: message({ id: 'reply', direction: 'outbound', status: 'queued', body: 'On its way' }) });
    engine.push({ kind: 'message', cursor: 2, ...inbound(1) });
    engine.push({ kind: 'message', cursor: 3, ...inbound(2) });
    await engine.idle();
    expect((await db.messages.get('reply'))?.status).toBe('sent');
    expect((await timeline(db, 'c1')).map((m) => m.id).sort()).toEqual(['m1', 'm2', 'reply']);
    expect(arrivals.map((a) => a.message.id)).toEqual(['m2']);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
    expect(await getCursor(db)).toBe(3);
  });

  it('replaces the outbox row when the server echo of the reply arrives', async () => {
    await addOutboxMessages(db, [{ idempotencyKey: 'key-0001-abcdef', conversationId: 'c1', body: 'On its way' }], 5_000);
    const { engine } = engineWith();
    engine.push({
      kind: 'message',
      cursor: 1,
      conversation: conversation(),
      message: message({ id: 'srv-1', direction: 'outbound', body: 'On its way', status: 'queued', idempotencyKey: 'key-0001-abcdef', createdAt: 5_100 }),
    });
    await engine.idle();
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([['srv-1', 'queued']]);
  });
});

describe('sync engine: flow control', () => {
  it('asks to stop receiving above the high-water mark and to resume once mostly drained', async () => {
    const signals: boolean[] = [];
    const engine = new SyncEngine(db, { onFailure: () => undefined, batchSize: 10, highWater: 40, onBackpressure: (stop) => signals.push(stop) });
    for (let i = 1; i <= 100; i++) engine.push({ kind: 'message', cursor: i, ...inbound(i) });
    expect(signals).toEqual([true]);
    await engine.idle();
    expect(signals).toEqual([true, false]);
    expect(await db.messages.count()).toBe(100);
  });

  it('pages a backlog through a held-back stream: every event stored once, each reconnect after the last one received', async () => {
    const pbx = new FakePbx();
    for (let i = 1; i <= 500; i++) pbx.messageCreated(inbound(i, `c${i % 9}`).conversation, inbound(i, `c${i % 9}`).message);
    const connector = new ParleyConnector({ createSocket: pbx.createSocket });
    const caughtUp = new Promise<void>((resolve) => syncFrom(connector, db, { onFailure: () => undefined, batchSize: 25, highWater: 60, onCaughtUp: resolve }));
    await connector.connect(session, 0);
    await caughtUp;
    connector.disconnect();
    expect(await getCursor(db)).toBe(500);
    expect(await db.messages.count()).toBe(500);
    expect(pbx.requestedCursors.length).toBeGreaterThan(2);
    expect(pbx.requestedCursors).toEqual([...pbx.requestedCursors].sort((a, b) => a - b));
  });
});

describe('sync engine: unread and arrivals', () => {
  it('imports history silently, then counts and reports what arrives after catching up', async () => {
    const { engine, arrivals } = engineWith();
    engine.push({ kind: 'message', cursor: 1, ...inbound(1) });
    engine.push({ kind: 'message', cursor: 2, ...inbound(2) });
    engine.caughtUp(2);
    engine.push({ kind: 'message', cursor: 3, ...inbound(3) });
    engine.push({ kind: 'message', cursor: 4, ...inbound(4, 'c-new') });
    // A replayed event (same message id) is not new: no unread, no notification.
    engine.push({ kind: 'message', cursor: 5, ...inbound(3) });
    await engine.idle();
    expect(await hasCaughtUp(db)).toBe(true);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
    expect((await db.conversations.get('c-new'))?.unread).toBe(1);
    expect(arrivals.map((a) => [a.message.id, a.conversation.id, a.newConversation])).toEqual([
      ['m3', 'c1', false],
      ['m4', 'c-new', true],
    ]);
  });

  it('counts a text but not a lifecycle line ("Entered SMS Support Queue")', async () => {
    const { engine, arrivals } = engineWith();
    engine.caughtUp(0);
    engine.push({ kind: 'message', cursor: 1, conversation: conversation(), message: message({ id: 'sys', kind: 'system', body: 'Entered SMS Support Queue' }) });
    engine.push({ kind: 'message', cursor: 2, ...inbound(2) });
    await engine.idle();
    expect(arrivals.map((a) => a.message.id)).toEqual(['m2']);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
  });

  it('remembers that it caught up: a restarted engine counts from its first event', async () => {
    const first = engineWith();
    first.engine.caughtUp(0);
    await first.engine.idle();
    const second = engineWith();
    second.engine.push({ kind: 'message', cursor: 1, ...inbound(1) });
    await second.engine.idle();
    expect(second.arrivals).toHaveLength(1);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
  });
});

describe('connector and engine: a service worker stopped mid-sync', () => {
  it('resumes from the stored cursor and stores every event exactly once', async () => {
    const pbx = new FakePbx();
    for (let i = 1; i <= 600; i++) pbx.messageCreated(inbound(i, `c${i % 5}`).conversation, inbound(i, `c${i % 5}`).message);

    // First worker: receives the whole backlog but is stopped after its first batches are stored.
    const first = new ParleyConnector({ createSocket: pbx.createSocket });
    const engine1 = new SyncEngine(db, { onFailure: () => undefined, batchSize: 50 });
    first.on('event', (event: PbxEvent) => engine1.push(event));
    await first.connect(session, await getCursor(db));
    await vi.waitFor(async () => expect(await getCursor(db)).toBeGreaterThan(0));
    first.disconnect(); // the worker dies: its socket and everything queued in memory are gone
    engine1.clear();
    await engine1.idle();
    const storedAtStop = await getCursor(db);
    expect(storedAtStop).toBeLessThan(600);

    // Meanwhile the customer texts again, and the server sends an event kind this client does not know.
    pbx.messageCreated(inbound(601, 'c1').conversation, inbound(601, 'c1').message);
    const unknownKind = pbx.publish({ kind: 'presence.updated', group: { id: 'g1' }, loggedIn: true });
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    // Second worker: starts from the stored cursor.
    const second = new ParleyConnector({ createSocket: pbx.createSocket });
    const engine2 = new SyncEngine(db, { onFailure: () => undefined, batchSize: 50 });
    second.on('event', (event: PbxEvent) => engine2.push(event));
    await second.connect(session, await getCursor(db));
    // The cursor moves past the unknown event: the next start will not replay it.
    await vi.waitFor(async () => expect(await getCursor(db)).toBe(unknownKind));
    await engine2.idle();
    second.disconnect();

    expect(pbx.requestedCursors).toEqual([0, storedAtStop]);
    const ids = (await db.messages.toArray()).map((row) => row.id);
    expect(ids).toHaveLength(601);
    expect(new Set(ids).size).toBe(601);
  });
});
