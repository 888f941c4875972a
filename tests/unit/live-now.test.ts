import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, type StoredMessage } from '../../utils/db/database';
import { live } from '../../utils/ui/live';
import { message } from '../setup/fixtures';

const thread = 'number:+15035550142';
const row = (id: string, createdAt: number): StoredMessage => ({ ...message({ id, createdAt }), thread });
const ids = (rows: StoredMessage[]) => rows.map((r) => r.id);

beforeEach(async () => {
  fakeBrowser.reset();
  await db().open();
  await Promise.all(db().tables.map((table) => table.clear()));
});

/** Whether the query's index read starts while `call` runs (in the calling task), not later. */
function readsDuring(call: () => () => void): { started: boolean; stop: () => void } {
  const table = db().messages;
  const where = table.where.bind(table);
  let started = false;
  table.where = ((index: string) => ((started = true), where(index))) as typeof where;
  try {
    const stop = call();
    return { started, stop };
  } finally {
    table.where = where;
  }
}

// Past the next frame (or after-paint.ts's 100 ms fallback where none comes) and the live query's own read.
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('a live query read at once', () => {
  beforeEach(async () => {
    // The page has found its IndexedDB open (live.ts decides the source once, at the first query).
    await new Promise<void>((resolve) => {
      const stop = live('unreadTotal', [], () => {
        resolve();
        queueMicrotask(() => stop());
      });
    });
  });

  it('starts its first read in the calling task (Dexie’s liveQuery waits for a setTimeout(0)), and delivers it once', async () => {
    await db().messages.bulkPut([row('a', 1), row('b', 2)]);
    const values: string[][] = [];
    const eager = readsDuring(() => live('timelinePage', [thread, { fromEnd: 0 }, 50], (rows) => values.push(ids(rows)), { now: true }));
    expect(eager.started).toBe(true);
    await settle();
    // The live query's own first value equals it: not delivered again.
    expect(values).toEqual([['a', 'b']]);
    // Later changes still arrive.
    await db().messages.put(row('c', 3));
    await settle();
    expect(values).toEqual([['a', 'b'], ['a', 'b', 'c']]);
    eager.stop();
  });

  it('delivers the live query’s first value too when the rows changed after the early read', async () => {
    await db().messages.bulkPut([row('a', 1)]);
    const values: string[][] = [];
    const stop = live('timelinePage', [thread, { fromEnd: 0 }, 50], (rows) => values.push(ids(rows)), { now: true });
    // Written before Dexie's liveQuery has run its first query.
    await db().messages.put(row('b', 2));
    await settle();
    expect(values.at(-1)).toEqual(['a', 'b']);
    stop();
  });

  it('subscribes the live query only after its early value is painted, so its read does not queue before that frame', async () => {
    await db().messages.bulkPut([row('a', 1)]);
    const table = db().messages;
    const where = table.where.bind(table);
    let reads = 0;
    table.where = ((index: string) => ((reads += 1), where(index))) as typeof where;
    try {
      let delivered!: () => void;
      const first = new Promise<void>((resolve) => (delivered = resolve));
      const stop = live('timelinePage', [thread, { fromEnd: 0 }, 50], () => delivered(), { now: true });
      await first;
      // A task later the view has rendered the value; the live query has not read yet.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(reads).toBe(1);
      await settle();
      expect(reads).toBe(2);
      stop();
    } finally {
      table.where = where;
    }
  });

  it('without it, the first read waits for liveQuery', async () => {
    await db().messages.bulkPut([row('a', 1)]);
    const values: string[][] = [];
    const lazy = readsDuring(() => live('timelinePage', [thread, { fromEnd: 0 }, 50], (rows) => values.push(ids(rows))));
    expect(lazy.started).toBe(false);
    await settle();
    expect(values).toEqual([['a']]);
    lazy.stop();
  });
});
