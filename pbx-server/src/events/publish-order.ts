import type { StoredEvent } from './types';

/**
 * Hands committed events to `publish` in cursor order, when no event with a lower cursor can still
 * come: a session drops any event at or below a cursor it sent, so one published early would make it
 * lose the earlier ones.
 *
 * Transactions take their event ids under the event-log lock (store.ts), which they hold until they
 * commit, and on PostgreSQL send their events insert and COMMIT together: their answers, over
 * several connections, may reach this process in another order than they took the lock. So each
 * transaction is numbered when it sends its events (sent()), and once committed remembers how many
 * had been sent by then (its horizon). A transaction sent after another one's commit was seen here
 * takes the lock after that commit, so all its ids are higher: a committed transaction's events are
 * safe once every transaction numbered below its horizon has committed or failed, and so are all
 * waiting events with cursors up to its highest.
 */
export class PublishOrder {
  private numbered = 0;
  private readonly outstanding = new Set<number>();
  private waiting: { horizon: number; highest: number; events: readonly StoredEvent[] }[] = [];

  constructor(private readonly publish: (events: readonly StoredEvent[]) => void) {}

  /** A transaction is sending its events insert; returns its number, for done(). */
  sent(): number {
    const n = this.numbered++;
    this.outstanding.add(n);
    return n;
  }

  /** Transaction n committed these events (in cursor order), or failed: none. */
  done(n: number, events: readonly StoredEvent[]): void {
    this.outstanding.delete(n);
    if (events.length > 0) this.waiting.push({ horizon: this.numbered, highest: events.at(-1)!.cursor, events });
    let lowestOutstanding = Infinity;
    for (const o of this.outstanding) lowestOutstanding = Math.min(lowestOutstanding, o);
    let safeUpTo = -Infinity;
    for (const w of this.waiting) if (w.horizon <= lowestOutstanding) safeUpTo = Math.max(safeUpTo, w.highest);
    if (safeUpTo === -Infinity) return;
    const ready = this.waiting.filter((w) => w.highest <= safeUpTo);
    this.waiting = this.waiting.filter((w) => w.highest > safeUpTo);
    ready.sort((a, b) => a.events[0]!.cursor - b.events[0]!.cursor);
    for (const w of ready) this.publish(w.events);
  }
}
