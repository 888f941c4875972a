import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConnectionState } from '../../../utils/model/connection';
import { PbxError } from '../../../utils/pbx/errors';
import { EventStream } from '../../../utils/pbx/parley/event-stream';

/** Just enough of a WebSocket for the stream: the test drives open/message/close. */
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((close: { code: number }) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  frame(value: unknown) {
    this.onmessage?.({ data: JSON.stringify(value) });
  }
}

const event = (cursor: number) => ({
  type: 'event',
  cursor,
  event: {
    kind: 'message.updated',
    message: { id: 'm1', conversationId: 'c1', direction: 'outbound', body: 'x', from: 'a', to: 'b', status: 'sent', failureReason: null, senderAgentId: null, idempotencyKey: null, createdAt: '2026-11-20T10:00:00Z' },
  },
});

function setup(url: (cursor: number, force: boolean) => Promise<string> = async (cursor) => `ws://x/v1/events?cursor=${cursor}`) {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const cursors: number[] = [];
  const synced: number[] = [];
  const stream = new EventStream({
    url,
    onEvent: (frame) => cursors.push(frame.cursor),
    onSynced: (cursor) => synced.push(cursor),
    onState: (state) => states.push(state),
    createSocket: (u) => {
      const socket = new FakeSocket(u);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    backoff: { baseMs: 1_000, maxMs: 8_000, random: () => 1 },
  });
  return { stream, sockets, states, cursors, synced };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.useRealTimers());

describe('EventStream', () => {
  it('delivers events once, in order, and answers pings', async () => {
    const { stream, sockets, states, cursors, synced } = setup();
    stream.start(0);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    const socket = sockets[0]!;
    socket.onopen?.();
    socket.frame(event(1));
    socket.frame(event(2));
    socket.frame(event(2));
    socket.frame({ type: 'synced', cursor: 2 });
    socket.frame({ type: 'ping' });
    socket.frame({ type: 'nonsense' });
    expect(cursors).toEqual([1, 2]);
    expect(synced).toEqual([2]);
    expect(socket.sent).toEqual([JSON.stringify({ type: 'pong' })]);
    expect(states.at(-1)).toEqual({ status: 'online' });
    stream.stop();
  });

  it('reconnects with growing backoff and resumes after the last delivered cursor', async () => {
    const { stream, sockets, states } = setup();
    stream.start(5);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.onopen?.();
    sockets[0]!.frame(event(6));
    sockets[0]!.onclose?.({ code: 1006 });
    expect(states.at(-1)).toMatchObject({ status: 'offline' });

    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toContain('cursor=6');

    sockets[1]!.onclose?.({ code: 1006 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    stream.stop();
  });

  it('renews the token once when the server closes with 4401', async () => {
    const url = vi.fn(async (cursor: number, force: boolean) => `ws://x/?cursor=${cursor}&force=${force}`);
    const { stream, sockets } = setup(url);
    stream.start(0);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.onclose?.({ code: 4401 });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(url).toHaveBeenLastCalledWith(0, true);
    stream.stop();
  });

  it('reports auth failure when the session cannot be renewed', async () => {
    const { stream, sockets, states } = setup(async () => {
      throw new PbxError('unauthorized', 'refresh token revoked');
    });
    stream.start(0);
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'auth-failed' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(0);
  });

  it('drops a silent (half-open) connection and reconnects', async () => {
    const { stream, sockets } = setup();
    stream.start(0);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.onopen?.();
    await vi.advanceTimersByTimeAsync(50_000);
    expect(sockets[0]!.closed).toBe(true);
    stream.stop();
  });

  it('pauses without reporting a state change and resumes after the last delivered event', async () => {
    const { stream, sockets, states, cursors } = setup();
    stream.start(0);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.onopen?.();
    sockets[0]!.frame(event(1));
    sockets[0]!.frame(event(2));
    const reported = states.length;
    stream.pause();
    expect(sockets[0]!.closed).toBe(true);
    sockets[0]!.onclose?.({ code: 1000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(states).toHaveLength(reported);

    stream.resume();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(sockets[1]!.url).toContain('cursor=2');
    sockets[1]!.onopen?.();
    sockets[1]!.frame(event(3));
    expect(cursors).toEqual([1, 2, 3]);
    expect(states.slice(reported)).toEqual([{ status: 'online' }]);
    stream.stop();
  });
});
