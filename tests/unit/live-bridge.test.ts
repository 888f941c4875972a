import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { serveLivePort, type LivePort } from '../../utils/background/live-bridge';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { upsertMessage } from '../../utils/db/messages';
import { createBackgroundLiveQueries } from '../../utils/ui/live-through-background';
import { conversation, message } from '../setup/fixtures';

type Listener = (message: unknown) => void;

/** Two connected ends of a runtime port, delivering asynchronously like the browser does. */
function portPair() {
  const listeners = { panel: new Set<Listener>(), background: new Set<Listener>() };
  const disconnects = { panel: new Set<() => void>(), background: new Set<() => void>() };
  const end = (self: 'panel' | 'background', other: 'panel' | 'background') =>
    ({
      postMessage: (value: unknown) => {
        const copy = JSON.parse(JSON.stringify(value)) as unknown; // Chrome serializes port messages as JSON
        queueMicrotask(() => listeners[other].forEach((listener) => listener(copy)));
      },
      disconnect: () => disconnects[other].forEach((listener) => listener()),
      onMessage: { addListener: (listener: Listener) => listeners[self].add(listener) },
      onDisconnect: { addListener: (listener: () => void) => disconnects[self].add(listener) },
    }) as unknown as LivePort & Pick<Browser.runtime.Port, 'postMessage'>;
  return { panel: end('panel', 'background'), background: end('background', 'panel') };
}

let db: ParleyDb;
let dbCount = 0;

beforeEach(() => {
  db = openDb(`live-bridge-${++dbCount}`);
});
afterEach(() => db.delete());

describe('live queries through the background', () => {
  it('delivers the current rows, then every change, to the panel', async () => {
    const { panel, background } = portPair();
    serveLivePort(db, background);
    const watch = createBackgroundLiveQueries(() => panel);
    const seen = vi.fn();

    watch('conversations', [], seen);
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([]));
    await upsertConversation(db, conversation({ id: 'c1' }));
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'c1' })]));
  });

  it('runs a thread query with its argument and stops after unwatch', async () => {
    const { panel, background } = portPair();
    serveLivePort(db, background);
    const watch = createBackgroundLiveQueries(() => panel);
    const seen = vi.fn();

    const stop = watch('timeline', ['c1'], seen);
    await upsertMessage(db, message({ id: 'm1', conversationId: 'c1' }));
    await upsertMessage(db, message({ id: 'other', conversationId: 'c2' }));
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'm1' })]));

    stop();
    const calls = seen.mock.calls.length;
    await upsertMessage(db, message({ id: 'm2', conversationId: 'c1', createdAt: Date.parse('2026-11-20T11:00:00Z') }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveBeenCalledTimes(calls);
  });

  it('ignores malformed requests and unknown queries', async () => {
    const { panel, background } = portPair();
    serveLivePort(db, background);
    const answers = vi.fn();
    panel.onMessage.addListener(answers);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    panel.postMessage({ op: 'watch', id: 1, query: 'everything', args: [] });
    panel.postMessage({ op: 'drop-tables' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('re-sends its watches on a new port when the background drops the old one', async () => {
    let current = portPair();
    serveLivePort(db, current.background);
    const connect = vi.fn(() => current.panel);
    const watch = createBackgroundLiveQueries(connect);
    const seen = vi.fn();
    watch('conversations', [], seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());

    // The service worker stops: its end disconnects, and a fresh background serves the next port.
    const dropped = current;
    current = portPair();
    serveLivePort(db, current.background);
    dropped.background.disconnect();

    await upsertConversation(db, conversation({ id: 'after-restart' }));
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'after-restart' })]));
    expect(connect).toHaveBeenCalledTimes(2);
  });
});
