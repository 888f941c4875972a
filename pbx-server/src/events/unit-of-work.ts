import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { EventBus } from './bus';
import { recipientJson } from './recipient-json';
import { insertEvents, lockEventLog, type AddressedEvent } from './store';
import type { PbxEvent, StoredEvent } from './types';

/**
 * Addresses an event to agents. unread: each recipient's unread count for an event that carries a
 * conversation (every member's copy shows its own); recipients missing from it keep the event's.
 */
export type Emit = (recipients: readonly string[], event: PbxEvent, unread?: ReadonlyMap<string, number>) => void;

/**
 * Runs a state change and its events atomically: fn stores rows and calls emit(); the events are
 * collected, written at the end of the same transaction (after the event-log lock, see
 * lockEventLog) and published to live sessions only after commit, in cursor order.
 *
 * Cursor order: the lock makes transactions insert and commit their events one after another, but
 * their commits may reach this process in another order (several connections); a session drops
 * any event at or below a cursor it sent, so one published early would make it lose the earlier
 * ones. Each transaction therefore takes a turn number when it gets the lock (lock order = cursor
 * order) and its events wait for the earlier turns to be published, or to have failed.
 */
export class EventWriter {
  private nextTurn = 0;
  private publishedTurns = 0;
  private readonly finished = new Map<number, readonly StoredEvent[]>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async run<T>(fn: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
    const events: AddressedEvent[] = [];
    const emit: Emit = (agentIds, event, unread) => {
      const recipients = [...new Set(agentIds)].map((agentId) => ({ agentId, unread: unread?.get(agentId) ?? null }));
      if (recipients.length > 0) events.push({ event, recipients, json: recipientJson(event) });
    };
    let turn: number | null = null;
    try {
      const { result, cursors } = await this.db.transaction(async (tx) => {
        const result = await fn(tx, emit);
        if (events.length === 0) return { result, cursors: [] };
        // One transaction at a time commits in id order without the lock.
        if (!this.db.oneTransactionAtATime) await lockEventLog(tx);
        turn = this.nextTurn++;
        return { result, cursors: await insertEvents(tx, events, this.clock.now()) };
      });
      const stored: StoredEvent[] = events.flatMap(({ recipients, json }, i) =>
        recipients.map((r) => ({ cursor: cursors[i]!, agentId: r.agentId, json: json(r.unread) })),
      );
      if (turn !== null) this.finish(turn, stored);
      return result;
    } catch (err) {
      // Rolled back after taking a turn: nothing of it to publish, but the later turns may go.
      if (turn !== null) this.finish(turn, []);
      throw err;
    }
  }

  private finish(turn: number, stored: readonly StoredEvent[]): void {
    this.finished.set(turn, stored);
    for (let next = this.finished.get(this.publishedTurns); next; next = this.finished.get(this.publishedTurns)) {
      this.finished.delete(this.publishedTurns);
      this.publishedTurns += 1;
      this.bus.publish(next);
    }
  }
}
