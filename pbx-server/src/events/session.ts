import type { Db } from '../db/db';
import type { EventBus } from './bus';
import { readEventsAfter } from './store';
import type { StoredEvent } from './types';

export const BACKLOG_PAGE_SIZE = 500;

/** The part of a WebSocket a session needs (keeps this module free of ws/hono types). */
export interface FrameSink {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/**
 * One connected client: replays the backlog after its cursor, then streams live events.
 *
 * Ordering and exactly-once: we subscribe to the bus *before* reading the backlog, buffering live
 * events while replaying, so nothing committed in between is lost; every frame goes through
 * sendIfNew(), which drops anything at or below the last cursor sent, so nothing is sent twice.
 */
export class EventSession {
  private lastSent: number;
  private replaying = true;
  private buffered: StoredEvent[] = [];
  private closed = false;
  private unsubscribe: (() => void) | null = null;
  private pingTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: { db: Db; bus: EventBus; pingIntervalMs: number; backlogPageSize?: number },
    private readonly agentId: string,
    cursor: number,
    private readonly socket: FrameSink,
  ) {
    this.lastSent = cursor;
  }

  async start(): Promise<void> {
    this.unsubscribe = this.deps.bus.subscribe(this.agentId, (event) => {
      if (this.replaying) this.buffered.push(event);
      else this.sendIfNew(event);
    });
    try {
      for (;;) {
        const pageSize = this.deps.backlogPageSize ?? BACKLOG_PAGE_SIZE;
        const page = await readEventsAfter(this.deps.db, this.agentId, this.lastSent, pageSize);
        if (this.closed) return;
        page.forEach((event) => this.sendIfNew(event));
        if (page.length < pageSize) break;
      }
    } catch (err) {
      console.error('[parley] event backlog failed', err);
      this.socket.close(1011, 'backlog failed');
      this.stop();
      return;
    }
    if (this.closed) return;
    this.replaying = false;
    const buffered = this.buffered.sort((a, b) => a.cursor - b.cursor);
    this.buffered = [];
    buffered.forEach((event) => this.sendIfNew(event));
    this.frame({ type: 'synced', cursor: this.lastSent });
    this.pingTimer = setInterval(() => this.frame({ type: 'ping' }), this.deps.pingIntervalMs);
  }

  stop(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private sendIfNew(stored: StoredEvent): void {
    if (stored.cursor <= this.lastSent) return;
    this.lastSent = stored.cursor;
    // The event is serialized already (StoredEvent.json): the frame only wraps it.
    this.send(`{"type":"event","cursor":${stored.cursor},"event":${stored.json}}`);
  }

  private frame(data: unknown): void {
    this.send(JSON.stringify(data));
  }

  private send(text: string): void {
    if (!this.closed) this.socket.send(text);
  }
}
