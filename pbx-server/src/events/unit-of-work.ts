import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { EventBus } from './bus';
import { insertEvents, lockEventLog, type EventRecipient } from './store';
import type { PbxEvent, StoredEvent } from './types';

/**
 * Addresses an event to agents. unread: each recipient's unread count for an event that carries a
 * conversation (every member's copy shows its own); recipients missing from it keep the event's.
 */
export type Emit = (recipients: readonly string[], event: PbxEvent, unread?: ReadonlyMap<string, number>) => void;

/** The recipient's copy of an event. */
function copyFor(event: PbxEvent, unread: number | null): PbxEvent {
  if (unread === null || !('conversation' in event)) return event;
  return { ...event, conversation: { ...event.conversation, unreadCount: unread } };
}

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
    const events: PbxEvent[] = [];
    const recipients: EventRecipient[] = [];
    const emit: Emit = (agentIds, event, unread) => {
      const index = events.push(event) - 1;
      for (const agentId of new Set(agentIds)) recipients.push({ agentId, event: index, unread: unread?.get(agentId) ?? null });
    };
    const { result, cursors } = await this.db.transaction(async (tx) => {
      const result = await fn(tx, emit);
      if (recipients.length === 0) return { result, cursors: [] };
      await lockEventLog(tx);
      return { result, cursors: await insertEvents(tx, events, recipients, this.clock.now()) };
    });
    const stored: StoredEvent[] = recipients.map((r, i) => ({ cursor: cursors[i]!, agentId: r.agentId, event: copyFor(events[r.event]!, r.unread) }));
    this.bus.publish(stored);
    return result;
  }
}
