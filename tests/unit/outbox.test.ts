import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { timeline, upsertMessage } from '../../utils/db/messages';
import type { Message } from '../../utils/model/message';
import { PbxError } from '../../utils/pbx/errors';
import { Outbox, type OutboxOptions } from '../../utils/sync/outbox';
import { message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`outbox-${++n}`);
});
afterEach(() => {
  vi.useRealTimers();
  return db.delete();
});

/** The server side of POST /messages: idempotent per key, and switchable offline or refusing. */
class FakeSendApi {
  online = true;
  refuse: ((body: string) => string | null) = () => null;
  readonly calls: string[] = [];
  readonly stored = new Map<string, Message>();

  send = async (conversationId: string, body: string, key: string): Promise<Message> => {
    this.calls.push(key);
    if (!this.online) throw new PbxError('unreachable', 'Failed to fetch');
    const reason = this.refuse(body);
    if (reason) throw new PbxError('rejected', reason);
    let stored = this.stored.get(key);
    if (!stored) {
      stored = message({ id: `srv-${this.stored.size + 1}`, conversationId, body, direction: 'outbound', status: 'queued', idempotencyKey: key, createdAt: 10_000 + this.stored.size });
      this.stored.set(key, stored);
    }
    return stored;
  };

  /** Bodies the server accepted, in the order it accepted them. */
  get accepted(): string[] {
    return [...this.stored.values()].map((m) => m.body);
  }
}

function keys() {
  let k = 0;
  return () => `key-${String(++k).padStart(8, '0')}`;
}

function outboxWith(api: FakeSendApi, options: OutboxOptions = {}) {
  return new Outbox(db, api, { newKey: keys(), now: () => 1_000, retryDelay: () => 60_000, ...options });
}

const thread = async () => (await timeline(db, 'c1')).map((m) => [m.body, m.status, m.failureReason]);

describe('Outbox', () => {
  it('shows the reply at once as queued, then the server copy as it moves to delivered', async () => {
    const api = new FakeSendApi();
    const outbox = outboxWith(api);
    const [row] = await outbox.queue('c1', ['Hello']);
    expect(row).toMatchObject({ id: 'key-00000001', status: 'queued', pending: 1 });
    await outbox.flush();
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([['srv-1', 'queued']]);
    await upsertMessage(db, { ...api.stored.get('key-00000001')!, status: 'sent' });
    await upsertMessage(db, { ...api.stored.get('key-00000001')!, status: 'delivered' });
    expect(await thread()).toEqual([['Hello', 'delivered', null]]);
  });

  it('keeps replies queued while the server is unreachable and sends each once, in order, when it is back', async () => {
    const api = new FakeSendApi();
    api.online = false;
    const outbox = outboxWith(api);
    for (let i = 1; i <= 5; i++) await outbox.queue('c1', [`reply ${i}`]);
    await outbox.flush();
    expect((await thread()).map(([, status]) => status)).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
    // While unreachable, a pass stops at the first reply: later ones never overtake it.
    expect(new Set(api.calls)).toEqual(new Set(['key-00000001']));

    api.online = true;
    await outbox.flush();
    expect(api.accepted).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
    expect((await thread()).map(([body, status]) => [body, status])).toEqual([1, 2, 3, 4, 5].map((i) => [`reply ${i}`, 'queued']));
  });

  it('resends with the same key after a lost answer, and the server keeps one copy', async () => {
    const api = new FakeSendApi();
    const outbox = outboxWith(api);
    const send = api.send;
    // The server stores the reply but the answer never comes back (timeout).
    api.send = async (...args) => {
      await send(...args);
      throw new PbxError('unreachable', 'timeout');
    };
    await outbox.queue('c1', ['Only once']);
    await outbox.flush();
    const lostAnswers = api.calls.length;
    api.send = send;
    await outbox.flush();
    expect(api.calls).toHaveLength(lostAnswers + 1);
    expect(new Set(api.calls)).toEqual(new Set(['key-00000001']));
    expect(api.accepted).toEqual(['Only once']);
    expect(await thread()).toEqual([['Only once', 'queued', null]]);
  });

  it('survives a restart: a new outbox on the same store sends what the old one could not', async () => {
    const api = new FakeSendApi();
    api.online = false;
    await outboxWith(api).queue('c1', ['before the restart']);
    api.online = true;
    const restarted = new Outbox(db, api, { newKey: keys(), retryDelay: () => 60_000 });
    await restarted.flush();
    expect(api.accepted).toEqual(['before the restart']);
  });

  it('retries on its own after the backoff delay', async () => {
    // Only timers are faked: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const api = new FakeSendApi();
    api.online = false;
    const outbox = outboxWith(api, { retryDelay: (attempt) => 1_000 * 2 ** attempt });
    await outbox.queue('c1', ['later']);
    await outbox.idle();
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await outbox.idle();
    expect(api.calls).toHaveLength(2);
    api.online = true;
    await vi.advanceTimersByTimeAsync(1_999);
    expect(api.accepted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await outbox.idle();
    expect(api.accepted).toEqual(['later']);
  });

  it('marks a refused reply failed with the reason and goes on with the next', async () => {
    const api = new FakeSendApi();
    api.refuse = (body) => (body === 'bad' ? 'Body too long' : null);
    const outbox = outboxWith(api);
    await outbox.queue('c1', ['bad', 'good']);
    await outbox.flush();
    expect(await thread()).toEqual([
      ['bad', 'failed', 'Body too long'],
      ['good', 'queued', null],
    ]);
    await outbox.flush();
    expect(api.calls.filter((k) => k === 'key-00000001')).toHaveLength(1);
  });

  it('retries a failed reply as a new message with a new key, and the failed copy leaves the thread', async () => {
    const api = new FakeSendApi();
    api.refuse = () => 'Try later';
    const outbox = outboxWith(api);
    await outbox.queue('c1', ['again please']);
    await outbox.flush();
    api.refuse = () => null;
    const retried = await outbox.retry('key-00000001');
    expect(retried?.id).toBe('key-00000002');
    await outbox.flush();
    expect(await thread()).toEqual([['again please', 'queued', null]]);
    expect(api.accepted).toEqual(['again please']);
  });

  it('retries and deletes a reply the carrier failed; a replay of it stays hidden', async () => {
    const api = new FakeSendApi();
    const outbox = outboxWith(api);
    const failed = message({ id: 'srv-9', direction: 'outbound', body: 'lost at the carrier', status: 'failed', failureReason: 'Unreachable handset', idempotencyKey: 'old-key-000' });
    await upsertMessage(db, failed);
    expect(await thread()).toEqual([['lost at the carrier', 'failed', 'Unreachable handset']]);

    expect(await outbox.remove('srv-9')).toBe(true);
    expect(await thread()).toEqual([]);
    await upsertMessage(db, failed);
    expect(await thread()).toEqual([]);

    await upsertMessage(db, { ...failed, id: 'srv-10' });
    await outbox.retry('srv-10');
    await outbox.flush();
    expect(await thread()).toEqual([['lost at the carrier', 'queued', null]]);
  });

  it('neither retries nor deletes a message that did not fail', async () => {
    const outbox = outboxWith(new FakeSendApi());
    await upsertMessage(db, message({ id: 'fine', direction: 'outbound', status: 'delivered' }));
    expect(await outbox.retry('fine')).toBeUndefined();
    expect(await outbox.remove('fine')).toBe(false);
    expect(await outbox.remove('missing')).toBe(false);
    expect(await db.messages.count()).toBe(1);
  });
});
