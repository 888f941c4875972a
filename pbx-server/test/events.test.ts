import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BACKENDS, connectEvents, EventClient, freshCustomer, login, startTestServer, textFromCustomer, type TestServer } from './harness';

describe.each(BACKENDS)('event stream /v1/events (%s)', (backend) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    // A tiny backlog page so resuming exercises several pages; a fast ping so we can observe it.
    server = await startTestServer(backend, { backlogPageSize: 3, pingIntervalMs: 100 });
    token = (await login(server.url)).accessToken;
  });
  afterAll(() => server?.stop());

  const cursorsOf = (client: EventClient) => client.events.map((f) => f.cursor);

  it('replays exactly the N missed events, in order, after a reconnect with the last cursor', async () => {
    const customer = freshCustomer();
    const first = await connectEvents(server.url, token);
    await textFromCustomer(server.url, customer, 'before disconnect');
    await first.waitFor((c) => c.events.some((f) => f.event.message?.body === 'before disconnect'), 'first event');
    const lastSeen = first.lastCursor();
    await first.close();

    const missed = Array.from({ length: 8 }, (_, i) => `missed ${i}`);
    for (const body of missed) await textFromCustomer(server.url, customer, body);

    const second = await connectEvents(server.url, token, lastSeen);
    try {
      const replayed = second.events;
      expect(replayed.map((f) => f.event.message.body)).toEqual(missed);
      const cursors = cursorsOf(second);
      expect(cursors.every((c, i) => c > lastSeen && (i === 0 || c > cursors[i - 1]!))).toBe(true);
      const synced = second.frames.find((f) => f.type === 'synced');
      expect(synced).toEqual({ type: 'synced', cursor: cursors.at(-1) });
      // The synced frame comes after the whole backlog.
      expect(second.frames.findIndex((f) => f.type === 'synced')).toBe(missed.length);

      await textFromCustomer(server.url, customer, 'live');
      await second.waitFor((c) => c.events.some((f) => f.event.message?.body === 'live'), 'live event');
      expect(second.events.map((f) => f.event.message.body)).toEqual([...missed, 'live']);
    } finally {
      await second.close();
    }
  });

  it('replays each event as the agent received it live, with its own unread count', async () => {
    const customer = freshCustomer();
    const live = await connectEvents(server.url, token);
    const from = live.lastCursor();
    const bodies = ['one', 'two', 'three'];
    try {
      for (const body of bodies) await textFromCustomer(server.url, customer, body);
      await live.waitFor((c) => c.events.some((f) => f.event.message?.body === 'three'), 'live events');
      const resumed = await connectEvents(server.url, token, from);
      try {
        expect(resumed.events.map((f) => f.event.message.body)).toEqual(bodies);
        expect(resumed.events.map((f) => f.event.conversation.unreadCount)).toEqual([1, 2, 3]);
        expect(resumed.events).toEqual(live.events.filter((f) => f.cursor > from));
      } finally {
        await resumed.close();
      }
    } finally {
      await live.close();
    }
  });

  it('neither loses nor repeats events committed while the backlog is being replayed', async () => {
    const customer = freshCustomer();
    const firstSync = await connectEvents(server.url, token, 0);
    const baseline = firstSync.frames.find((f) => f.type === 'synced')!.cursor as number;
    await firstSync.close();

    for (let i = 0; i < 6; i++) await textFromCustomer(server.url, customer, `early ${i}`);
    // Connect while more texts are being stored: some land in the backlog, some arrive live.
    const racing = Promise.all(Array.from({ length: 12 }, (_, i) => textFromCustomer(server.url, customer, `racing ${i}`)));
    const client = new EventClient(server.url, token, baseline);
    await racing;
    try {
      await client.waitFor((c) => c.synced && c.events.length >= 18, 'all 18 events');
      await new Promise((r) => setTimeout(r, 200));
      const cursors = cursorsOf(client);
      expect(cursors).toHaveLength(18);
      expect(new Set(cursors).size).toBe(18);
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      const bodies = client.events.map((f) => f.event.message.body);
      expect(bodies.slice(0, 6)).toEqual(Array.from({ length: 6 }, (_, i) => `early ${i}`));
      expect(new Set(bodies.slice(6))).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `racing ${i}`)));
    } finally {
      await client.close();
    }
  });

  it('sends only the agent’s own events', async () => {
    const amy = await login(server.url, { extension: '202', password: 'parley-202' });
    const amyClient = await connectEvents(server.url, amy.accessToken);
    const jakeClient = await connectEvents(server.url, token);
    try {
      await textFromCustomer(server.url, freshCustomer(), 'for jake only');
      await jakeClient.waitFor((c) => c.events.some((f) => f.event.message?.body === 'for jake only'), 'jake event');
      await new Promise((r) => setTimeout(r, 150));
      expect(amyClient.events).toEqual([]);
    } finally {
      await amyClient.close();
      await jakeClient.close();
    }
  });

  it('sends {"type":"ping"} frames periodically', async () => {
    const client = await connectEvents(server.url, token);
    try {
      await client.waitFor((c) => c.frames.some((f) => f.type === 'ping'), 'ping frame', 2_000);
      client['socket'].send(JSON.stringify({ type: 'pong' }));
    } finally {
      await client.close();
    }
  });

  it('closes the socket with 4401 for a missing or bad token', async () => {
    for (const bad of ['', 'not-a-jwt', token.slice(0, -3) + 'xyz']) {
      const client = new EventClient(server.url, bad);
      expect(await client.closed).toBe(4401);
      expect(client.events).toEqual([]);
    }
  });

  it('answers a plain (non-WebSocket) GET with 426', async () => {
    const res = await fetch(`${server.url}/v1/events?access_token=${token}`);
    expect(res.status).toBe(426);
    expect((await res.json()).error.code).toBe('upgrade_required');
  });

  it('closes with 4400 for a malformed cursor', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/events?cursor=abc&access_token=${token}`);
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect(code).toBe(4400);
  });
});
