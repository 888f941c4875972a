import { describe, expect, it } from 'vitest';
import { KeyedBatches } from './keyed-batches';

type Item = { id: number; key: string; also?: string };

/** Batches that finish only when the test says so. */
function harness(maxBatch: number, maxInFlight: number) {
  const started: { items: Item[]; finish: () => void }[] = [];
  const batches = new KeyedBatches<Item>({
    maxBatch,
    maxInFlight,
    keysOf: (item) => (item.also ? [item.key, item.also] : [item.key]),
    run: (items) => new Promise<void>((finish) => started.push({ items, finish })),
  });
  const turn = () => new Promise((r) => setImmediate(r));
  const ids = () => started.map((b) => b.items.map((i) => i.id));
  return { batches, started, turn, ids };
}

describe('KeyedBatches', () => {
  it('shares a burst among the free slots, a key\'s items staying together', async () => {
    const h = harness(10, 2);
    for (const [id, key] of [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'a'], [5, 'd']] as const) h.batches.push({ id, key });
    await h.turn();
    // Five items, two slots: three each at most, plus the later items of a key taken already.
    expect(h.ids()).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('runs a burst as one batch, up to its size', async () => {
    const h = harness(3, 1);
    for (let id = 1; id <= 5; id++) h.batches.push({ id, key: `k${id}` });
    await h.turn();
    expect(h.ids()).toEqual([[1, 2, 3]]);
    h.started[0]!.finish();
    await h.turn();
    await h.turn();
    expect(h.ids()).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('runs batches side by side but never two holding one key, and keeps each key in order', async () => {
    const h = harness(10, 2);
    h.batches.push({ id: 1, key: 'a' });
    await h.turn();
    // a is held: 2 (a) waits, 3 (b) goes, 4 (a) stays behind 2.
    for (const [id, key] of [[2, 'a'], [3, 'b'], [4, 'a']] as const) h.batches.push({ id, key });
    await h.turn();
    expect(h.ids()).toEqual([[1], [3]]);
    h.started[1]!.finish();
    await h.turn();
    await h.turn();
    expect(h.ids()).toEqual([[1], [3]]);
    h.started[0]!.finish();
    await h.turn();
    await h.turn();
    expect(h.ids()).toEqual([[1], [3], [2, 4]]);
  });

  it('does not let a later item of a key overtake one held back by its other key', async () => {
    const h = harness(10, 2);
    h.batches.push({ id: 1, key: 'a', also: 'ref' });
    await h.turn();
    // 2 shares only "ref" with the running batch; 3 shares nothing with it but "c" with 2.
    h.batches.push({ id: 2, key: 'c', also: 'ref' });
    h.batches.push({ id: 3, key: 'c' });
    h.batches.push({ id: 4, key: 'd' });
    await h.turn();
    expect(h.ids()).toEqual([[1], [4]]);
    h.started[0]!.finish();
    await h.turn();
    await h.turn();
    expect(h.ids()).toEqual([[1], [4], [2, 3]]);
  });
});
