import type { StoredEvent } from './types';

export type EventListener = (event: StoredEvent) => void;

/**
 * Fan-out of committed events to live WebSocket sessions. The in-process implementation is enough for
 * one server; several instances on one PostgreSQL will need a LISTEN/NOTIFY-backed EventBus with the
 * same interface (publish after commit, subscribe per agent).
 */
export interface EventBus {
  /** Called only after the transaction that stored the events committed, in cursor order. */
  publish(events: readonly StoredEvent[]): void;
  subscribe(agentId: string, listener: EventListener): () => void;
}

export class InProcessEventBus implements EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  publish(events: readonly StoredEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners.get(event.agentId) ?? []) {
        try {
          listener(event);
        } catch (err) {
          console.error('[parley] event listener failed', err);
        }
      }
    }
  }

  subscribe(agentId: string, listener: EventListener): () => void {
    let set = this.listeners.get(agentId);
    if (!set) this.listeners.set(agentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(agentId);
    };
  }
}
