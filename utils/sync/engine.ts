import type { PbxEvent } from '../pbx/connector';
import type { ParleyDb } from '../db/database';
import { upsertConversation } from '../db/conversations';
import { upsertMessage } from '../db/messages';
import { setCursor } from '../db/meta';

/**
 * Applies connector events to Dexie in cursor order. Events that arrive while a batch is being
 * written are gathered into the next batch (a resumed backlog is written in a few transactions,
 * not hundreds), and each batch commits together with its cursor: after a crash the stream resumes
 * exactly after the last stored event.
 */
export class SyncEngine {
  private queue: PbxEvent[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly db: ParleyDb,
    /** Called when a batch could not be stored; the caller resumes the stream from the stored cursor. */
    private readonly onFailure: (error: unknown) => void,
  ) {}

  push(event: PbxEvent): void {
    this.queue.push(event);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Resolves once everything pushed so far is stored. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.apply(batch);
      } catch (error) {
        this.queue = [];
        this.onFailure(error);
        return;
      }
    }
  }

  private apply(batch: PbxEvent[]): Promise<void> {
    const { db } = this;
    return db.transaction('rw', db.conversations, db.messages, db.meta, async () => {
      for (const event of batch) {
        switch (event.kind) {
          case 'message':
            await upsertConversation(db, event.conversation);
            await upsertMessage(db, event.message);
            break;
          case 'status':
            await upsertMessage(db, event.message);
            break;
          case 'conversation':
            await upsertConversation(db, event.conversation);
        }
      }
      await setCursor(db, Math.max(...batch.map((event) => event.cursor)));
    });
  }
}
