import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { EventBus } from './bus';
import { insertEvents, lockEventLog } from './store';
import type { PbxEvent, StoredEvent } from './types';

export type Emit = (recipients: readonly string[], event: PbxEvent) => Promise<void>;

/**
 * Runs a state change and its events atomically: fn stores rows and calls emit(); the events are
 * written in the same transaction and published to live sessions only after commit.
 */
export class EventWriter {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async run<T>(fn: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
    const stored: StoredEvent[] = [];
    const result = await this.db.transaction(async (tx) => {
      await lockEventLog(tx);
      const emit: Emit = async (recipients, event) => {
        stored.push(...(await insertEvents(tx, recipients, event, this.clock.now())));
      };
      return fn(tx, emit);
    });
    this.bus.publish(stored);
    return result;
  }
}
