import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { EventBus } from './bus';
import { insertEvents, lockEventLog, type AddressedEvent } from './store';
import type { PbxEvent } from './types';

/** An event for several agents: the same for all, or built per recipient (their unread count, say). */
export type Emit = (recipients: readonly string[], event: PbxEvent | ((agentId: string) => PbxEvent)) => void;

/**
 * Runs a state change and its events atomically: fn stores rows and calls emit(); the events are
 * collected, written at the end of the same transaction (after the event-log lock, see
 * lockEventLog) and published to live sessions only after commit.
 */
export class EventWriter {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async run<T>(fn: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
    const { result, stored } = await this.db.transaction(async (tx) => {
      const pending: AddressedEvent[] = [];
      const emit: Emit = (recipients, event) => {
        for (const agentId of new Set(recipients)) {
          pending.push({ agentId, event: typeof event === 'function' ? event(agentId) : event });
        }
      };
      const result = await fn(tx, emit);
      if (pending.length === 0) return { result, stored: [] };
      await lockEventLog(tx);
      return { result, stored: await insertEvents(tx, pending, this.clock.now()) };
    });
    this.bus.publish(stored);
    return result;
  }
}
