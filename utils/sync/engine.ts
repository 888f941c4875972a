import type { ParleyDb } from '../db/database';
import type { PbxEvent } from '../pbx/connector';
import { applyEvents, type Arrival, type SyncItem } from './apply-events';

export interface SyncEngineOptions {
  /** A batch could not be stored; the caller resumes the stream from the stored cursor. */
  onFailure: (error: unknown) => void;
  /** New inbound messages, after the batch that stored them committed. */
  onArrivals?: (arrivals: Arrival[]) => void;
  /** At most this many events per transaction: a large backlog becomes many bounded transactions. */
  batchSize?: number;
  /**
   * Flow control: called with true when more than `highWater` events wait to be stored (stop
   * receiving), and with false once fewer than a quarter of that wait (receive again). A first sync
   * is then held to a bounded amount of memory however fast the PBX sends.
   */
  onBackpressure?: (stop: boolean) => void;
  highWater?: number;
}

/**
 * Applies connector events to Dexie in cursor order. Events that arrive while a batch is being
 * written are gathered into the next batch (a resumed backlog is written in a few transactions, not
 * thousands), each batch commits together with its cursor, so after a crash or a stopped service
 * worker the stream resumes exactly after the last stored event: nothing missed, nothing twice.
 */
export class SyncEngine {
  private queue: SyncItem[] = [];
  private draining: Promise<void> | null = null;
  private readonly batchSize: number;
  private readonly highWater: number;
  private holding = false;

  constructor(
    private readonly db: ParleyDb,
    private readonly options: SyncEngineOptions,
  ) {
    this.batchSize = options.batchSize ?? 2_000;
    this.highWater = options.highWater ?? 10_000;
  }

  push(event: PbxEvent): void {
    this.enqueue(event);
  }

  /** The backlog up to `cursor` has been replayed: what follows is live. */
  caughtUp(cursor: number): void {
    this.enqueue({ kind: 'caught-up', cursor });
  }

  /** Forgets what is not stored yet (sign-out, another agent); the next session starts from the stored cursor. */
  clear(): void {
    this.queue = [];
    this.release();
  }

  /** Events received but not stored yet. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Resolves once everything pushed so far is stored (or dropped after a failure). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private enqueue(item: SyncItem): void {
    this.queue.push(item);
    if (!this.holding && this.queue.length > this.highWater) {
      this.holding = true;
      this.options.onBackpressure?.(true);
    }
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      let arrivals: Arrival[];
      try {
        arrivals = await applyEvents(this.db, batch);
      } catch (error) {
        this.clear();
        this.options.onFailure(error);
        return;
      }
      if (arrivals.length > 0) this.options.onArrivals?.(arrivals);
      if (this.queue.length < this.highWater / 4) this.release();
    }
  }

  private release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.options.onBackpressure?.(false);
  }
}
