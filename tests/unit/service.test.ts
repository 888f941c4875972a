import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ParleyService } from '../../utils/background/service';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { timeline } from '../../utils/db/messages';
import { getCursor } from '../../utils/db/meta';
import type { ConnectionState } from '../../utils/model/connection';
import { ParleyConnector } from '../../utils/pbx/parley';
import { accessItem, connectionItem, sessionItem, smsSplittingItem } from '../../utils/settings';
import { FakePbx, FakePbxRest } from '../setup/fake-pbx';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
let pbx: FakePbx;
let rest: FakePbxRest;
const customerThread = conversation({ id: 'c1', didNumber: '+15035550100' });
const credentials = { serverUrl: 'http://pbx.test:8787/', extension: '201', password: 'parley-201' };
const services: ParleyService[] = [];

/** One service-worker life: a fresh connector and service on the same storage and database. */
function startWorker() {
  const connector = new ParleyConnector({ fetch: rest.fetch, createSocket: pbx.createSocket });
  const service = new ParleyService(db, connector, { outbox: { retryDelay: () => 60_000 } });
  const states: ConnectionState[] = [];
  service.onStateChange((state) => states.push(state));
  services.push(service);
  return { service, connector, states };
}

const inbound = (i: number) => {
  const at = Date.parse('2026-11-20T10:00:00Z') + i * 1000;
  pbx.messageCreated({ ...customerThread, lastMessageAt: at }, message({ id: `in-${i}`, body: `customer ${i}`, createdAt: at }));
};

beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`service-${++n}`);
  pbx = new FakePbx();
  rest = new FakePbxRest(pbx, customerThread);
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.disconnect().catch(() => undefined);
  await db.delete();
});

describe('background session', () => {
  it('starts signed out when nothing is stored', async () => {
    const { service } = startWorker();
    await service.resume();
    expect(service.state).toEqual({ status: 'signed-out' });
    expect(await connectionItem.getValue()).toEqual({ status: 'signed-out' });
  });

  it('signs in, keeps the refresh token locally and the access token only in session storage, and goes online', async () => {
    inbound(1);
    const { service, states } = startWorker();
    const agent = await service.connect(credentials);
    expect(agent.extension).toBe('201');
    await vi.waitFor(async () => expect(await getCursor(db)).toBe(1));
    expect(states.map((s) => s.status)).toEqual(['connecting', 'online']);
    expect(await connectionItem.getValue()).toEqual({ status: 'online' });

    const stored = await sessionItem.getValue();
    expect(stored).toEqual({ serverUrl: 'http://pbx.test:8787', refreshToken: expect.any(String), agent });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/access-|parley-201/);
    expect(await accessItem.getValue()).toMatchObject({ accessToken: 'access-0', refreshToken: stored!.refreshToken });
  });

  it('resumes after the service worker stopped: kept access token, stored cursor, nothing twice', async () => {
    inbound(1);
    inbound(2);
    const first = startWorker();
    await first.service.connect(credentials);
    await vi.waitFor(async () => expect(await getCursor(db)).toBe(2));
    // The worker is stopped: its socket closes and its memory is gone.
    first.connector.disconnect();
    inbound(3);

    const second = startWorker();
    await second.service.resume();
    await vi.waitFor(async () => expect(await getCursor(db)).toBe(3));
    expect(second.service.state).toEqual({ status: 'online' });
    expect(rest.refreshCount).toBe(0);
    expect(pbx.requestedCursors).toEqual([0, 2]);
    expect((await timeline(db, 'c1')).map((m) => m.body)).toEqual(['customer 1', 'customer 2', 'customer 3']);
  });

  it('resumes once when start-up, the watchdog and "Retry now" coincide', async () => {
    const first = startWorker();
    await first.service.connect(credentials);
    first.connector.disconnect();
    const second = startWorker();
    await Promise.all([second.service.resume(), second.service.resume(), second.service.reconnectNow()]);
    await vi.waitFor(() => expect(second.service.state).toEqual({ status: 'online' }));
    expect(pbx.requestedCursors).toHaveLength(2);
  });

  it('renews with the refresh token when the worker restarts after the access token expired', async () => {
    const first = startWorker();
    await first.service.connect(credentials);
    first.connector.disconnect();
    await accessItem.setValue({ ...(await accessItem.getValue())!, renewAt: Date.now() - 1 });

    const second = startWorker();
    await second.service.resume();
    await vi.waitFor(() => expect(second.service.state).toEqual({ status: 'online' }));
    expect(rest.refreshCount).toBe(1);
    // The rotated refresh token is what the next start will use.
    await vi.waitFor(async () => expect((await accessItem.getValue())?.accessToken).toBe('access-1'));
    expect((await sessionItem.getValue())?.refreshToken).toBe((await accessItem.getValue())?.refreshToken);
  });

  it('ends in auth-failed and forgets the session when the PBX rejects it', async () => {
    const first = startWorker();
    await first.service.connect(credentials);
    first.connector.disconnect();
    // Another device spent the refresh token; the kept access token has expired too.
    await sessionItem.setValue({ ...(await sessionItem.getValue())!, refreshToken: 'spent' });
    await accessItem.setValue(null);

    const second = startWorker();
    await second.service.resume();
    await vi.waitFor(() => expect(second.service.state).toEqual({ status: 'auth-failed' }));
    expect(await sessionItem.getValue()).toBeNull();
    expect(await connectionItem.getValue()).toEqual({ status: 'auth-failed' });
  });

  it('queues replies while the server is down and sends each once, in order, after it restarts', async () => {
    const { service } = startWorker();
    await service.connect(credentials);
    await vi.waitFor(() => expect(service.state).toEqual({ status: 'online' }));
    await upsertConversation(db, customerThread);
    pbx.stop();
    await vi.waitFor(() => expect(service.state.status).toBe('offline'));
    for (let i = 1; i <= 20; i++) await service.sendReply('c1', `reply ${i}`);
    expect((await timeline(db, 'c1')).every((m) => m.status === 'queued')).toBe(true);

    pbx.restart();
    await service.reconnectNow();
    const expected = Array.from({ length: 20 }, (_, i) => `reply ${i + 1}`);
    await vi.waitFor(() => expect(rest.accepted).toEqual(expected));
    await vi.waitFor(async () => expect((await timeline(db, 'c1')).map((m) => m.body)).toEqual(expected));
    expect((await timeline(db, 'c1')).every((m) => m.id.startsWith('srv-'))).toBe(true);
  });

  it('splits a long SMS into parts of at most 140 characters when the agent wants it', async () => {
    const { service } = startWorker();
    await service.connect(credentials);
    await upsertConversation(db, customerThread);
    await smsSplittingItem.setValue({ enabled: true });
    const long = `${'word '.repeat(40)}end`;
    const ids = await service.sendReply('c1', long);
    expect(ids).toHaveLength(2);
    await vi.waitFor(() => expect(rest.accepted).toHaveLength(2));
    expect(rest.accepted.every((part) => [...part].length <= 140)).toBe(true);
    expect(rest.accepted.join(' ')).toBe(long);
  });

  it('opens a known conversation for a number when the server is unreachable', async () => {
    const { service } = startWorker();
    await service.connect(credentials);
    await upsertConversation(db, customerThread);
    pbx.stop();
    expect(await service.openNumber('+15035550142')).toBe('c1');
    await expect(service.openNumber('+15035550199')).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('signs out: state, session and access token are gone, and a late socket cannot bring it back', async () => {
    const { service, connector } = startWorker();
    await service.connect(credentials);
    await vi.waitFor(() => expect(service.state).toEqual({ status: 'online' }));
    await service.disconnect();
    const leftover: string[] = [];
    connector.on('connection', (state) => leftover.push(state.status));
    connector.sync(0); // a leftover reconnect after sign-out: it reports, and is ignored
    await vi.waitFor(() => expect(leftover).toContain('offline'));
    connector.disconnect();
    expect(service.state).toEqual({ status: 'signed-out' });
    expect(await sessionItem.getValue()).toBeNull();
    expect(await accessItem.getValue()).toBeNull();
  });
});
