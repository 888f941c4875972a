import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { EventBus } from './bus';
import { recipientJson } from './recipient-json';
import { PublishOrder } from './publish-order';
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
 * lockEventLog) and published to live sessions only after commit, in cursor order (publish-order.ts).
 *
 * On PostgreSQL the lock, the events insert and the COMMIT are sent together (pipelined): the lock
 * is then held for the server's own work only, not for round trips to this process and the turns of
 * its event loop in between, and every transaction that writes events waits for that lock. If the
 * insert fails, the COMMIT ends the failed transaction as a rollback and run() throws.
 */
export class EventWriter {
  private readonly order: PublishOrder;

  constructor(
    private readonly db: Db,
    bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.order = new PublishOrder((events) => bus.publish(events));
  }

  async run<T>(fn: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
    const events: AddressedEvent[] = [];
    const emit: Emit = (agentIds, event, unread) => {
      const recipients = [...new Set(agentIds)].map((agentId) => ({ agentId, unread: unread?.get(agentId) ?? null }));
      if (recipients.length > 0) events.push({ event, recipients, json: recipientJson(event) });
    };
    let sent: number | null = null;
    let cursors: Promise<number[]> | null = null;
    try {
      const result = await this.db.transaction(async (tx) => {
        const result = await fn(tx, emit);
        if (events.length === 0) return result;
        sent = this.order.sent();
        // One transaction at a time commits in id order without the lock.
        if (this.db.oneTransactionAtATime) {
          const inserted = await insertEvents(tx, events, this.clock.now());
          cursors = Promise.resolve(inserted);
          return result;
        }
        const [lock, insert] = [lockEventLog(tx), insertEvents(tx, events, this.clock.now())];
        cursors = Promise.all([lock, insert]).then(([, ids]) => ids);
        // Awaited below, after the commit this return sends.
        cursors.catch(() => {});
        return result;
      });
      const ids = cursors ? await cursors : [];
      const stored: StoredEvent[] = events.flatMap(({ recipients, json }, i) =>
        recipients.map((r) => ({ cursor: ids[i]!, agentId: r.agentId, json: json(r.unread) })),
      );
      if (sent !== null) this.order.done(sent, stored);
      return result;
    } catch (err) {
      // Rolled back after sending its events: nothing of it to publish, but the later ones may go.
      if (sent !== null) this.order.done(sent, []);
      throw err;
    }
  }
}
