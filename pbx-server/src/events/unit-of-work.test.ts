import { describe, expect, it } from 'vitest';
import type { Db, Transaction } from '../db/db';
import { InProcessEventBus } from './bus';
import type { StoredEvent } from './types';
import { EventWriter } from './unit-of-work';

/**
 * A database whose transactions take their event ids in the order they reach the event insert and
 * commit when the test says so: as with PostgreSQL, a later transaction's commit may reach the
 * server process first.
 */
function fakeDb() {
  let nextId = 1;
  const commits: { commit: () => void; fail: () => void }[] = [];
  const db: Db = {
    backend: 'fake',
    oneTransactionAtATime: false,
    close: async () => {},
    query: async () => [],
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const tx: Transaction = {
        execScript: async () => {},
        query: async <R,>(sql: string, params?: readonly unknown[]) => {
          if (!sql.includes('INSERT INTO events')) return [] as R[];
          const count = (JSON.parse(String(params![0])) as unknown[]).length;
          return Array.from({ length: count }, () => ({ id: nextId++ })) as R[];
        },
      };
      const result = await fn(tx);
      await new Promise<void>((commit, reject) => commits.push({ commit, fail: () => reject(new Error('commit failed')) }));
      return result;
    },
  };
  return { db, commits };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('EventWriter', () => {
  /** A writer over fakeDb and the cursors agent a1 is sent, in order. */
  function writerAndCursors() {
    const { db, commits } = fakeDb();
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    bus.subscribe('a1', (e: StoredEvent) => seen.push(e.cursor));
    const writer = new EventWriter(db, bus, { now: () => new Date(0) } as never);
    return { writer, commits, seen };
  }
  const event = { kind: 'conversation.removed' as const, conversationId: 'c' };

  it('publishes events in cursor order when commits come back out of order', async () => {
    const { writer, commits, seen } = writerAndCursors();
    const first = writer.run(async (_tx, emit) => emit(['a1'], event));
    const second = writer.run(async (_tx, emit) => (emit(['a1'], event), emit(['a1'], event)));
    await settle();
    commits[1]!.commit();
    await second;
    expect(seen).toEqual([]);
    commits[0]!.commit();
    await first;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('publishes the later events once an earlier transaction failed after taking its ids', async () => {
    const { writer, commits, seen } = writerAndCursors();
    const failing = writer.run(async (_tx, emit) => emit(['a1'], event));
    const later = writer.run(async (_tx, emit) => emit(['a1'], event));
    await settle();
    commits[1]!.commit();
    await later;
    expect(seen).toEqual([]);
    commits[0]!.fail();
    await expect(failing).rejects.toThrow('commit failed');
    expect(seen).toEqual([2]);
  });
});
