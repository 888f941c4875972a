import { describe, expect, it } from 'vitest';
import { PublishOrder } from './publish-order';
import type { StoredEvent } from './types';

const events = (...cursors: number[]): StoredEvent[] => cursors.map((cursor) => ({ cursor, agentId: 'a1', json: '{}' }));

describe('PublishOrder', () => {
  function setup() {
    const published: number[] = [];
    return { published, order: new PublishOrder((list) => published.push(...list.map((e) => e.cursor))) };
  }

  it('publishes a transaction at once when none other is under way', () => {
    const { order, published } = setup();
    order.done(order.sent(), events(1, 2));
    expect(published).toEqual([1, 2]);
  });

  it('holds events answered before those of a transaction sent earlier, then publishes both in cursor order', () => {
    const { order, published } = setup();
    const first = order.sent();
    const second = order.sent();
    order.done(second, events(3, 4)); // its answer came first, though it may have locked second
    expect(published).toEqual([]);
    order.done(first, events(1, 2));
    expect(published).toEqual([1, 2, 3, 4]);
  });

  it('does not wait for a transaction sent after a commit was seen: its ids are higher', () => {
    const { order, published } = setup();
    const first = order.sent();
    order.done(first, events(1));
    const later = order.sent();
    expect(published).toEqual([1]);
    order.done(later, events(2));
    expect(published).toEqual([1, 2]);
  });

  it('publishes what is safe while a transaction sent later is under way', () => {
    const { order, published } = setup();
    const a = order.sent();
    const b = order.sent();
    order.done(a, events(1)); // b may still take a lower cursor: wait
    expect(published).toEqual([]);
    const c = order.sent(); // sent after a's commit was seen: higher than 1, but maybe lower than b's
    order.done(b, events(2));
    expect(published).toEqual([1]); // a's horizon (2) is below c; b's is not
    order.done(c, events(3));
    expect(published).toEqual([1, 2, 3]);
  });

  it('goes on past a failed transaction', () => {
    const { order, published } = setup();
    const failing = order.sent();
    const next = order.sent();
    order.done(next, events(5));
    expect(published).toEqual([]);
    order.done(failing, []);
    expect(published).toEqual([5]);
  });
});
