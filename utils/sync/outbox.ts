import type { ParleyDb, StoredMessage } from '../db/database';
import { addOutboxMessages, dismissFailedMessage, failOutboxMessage, queuedOutbox, upsertMessage } from '../db/messages';
import { backoffDelay, reconnectBackoff } from '../pbx/backoff';
import type { PbxConnector } from '../pbx/connector';
import { isPbxError } from '../pbx/errors';

export interface OutboxOptions {
  newKey?: () => string;
  now?: () => number;
  /** Wait before the next pass after the server could not be reached (attempt is 0-based). */
  retryDelay?: (attempt: number) => number;
}

/**
 * The send path. A reply is stored first (status "queued", id = its idempotency key), so the agent
 * sees it at once and it survives a crash, a stopped service worker and a browser restart; then it
 * is POSTed with that key, so however often it is resent the server stores and sends it once.
 * Replies go out one at a time in the order they were written: a reply that cannot reach the
 * server holds back the ones after it, so the customer never receives them out of order.
 */
export class Outbox {
  private pass: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly newKey: () => string;
  private readonly now: () => number;
  private readonly retryDelay: (attempt: number) => number;

  constructor(
    private readonly db: ParleyDb,
    private readonly connector: Pick<PbxConnector, 'send'>,
    options: OutboxOptions = {},
  ) {
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.now = options.now ?? Date.now;
    this.retryDelay = options.retryDelay ?? ((attempt) => backoffDelay(attempt, reconnectBackoff));
  }

  /** Writes replies (one per part when the agent splits long texts) and starts sending them. */
  async queue(conversationId: string, bodies: readonly string[]): Promise<StoredMessage[]> {
    const rows = await addOutboxMessages(this.db, bodies.map((body) => ({ idempotencyKey: this.newKey(), conversationId, body })), this.now());
    void this.flush();
    return rows;
  }

  /** Sends every queued reply; a call during a pass runs one more pass after it, so nothing written meanwhile waits. */
  flush(): Promise<void> {
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    clearTimeout(this.retryTimer);
    this.pass = (async () => {
      do {
        this.again = false;
        await this.sendQueued().catch((error: unknown) => {
          // The store itself failed (not the server): the rows are still there; try again later.
          console.error('[parley] the outbox could not be read or updated', error);
          this.scheduleRetry();
        });
      } while (this.again);
    })().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** Resolves when no pass is running (without asking for another one, unlike flush). */
  async idle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /**
   * Sends a failed message again as a new reply at the end of the thread. It needs a new
   * idempotency key: the old one would only return the failed message. The failed copy leaves the
   * thread in the same transaction, so the text is never lost nor shown twice.
   */
  async retry(messageId: string): Promise<StoredMessage | undefined> {
    const row = await this.db.transaction('rw', this.db.messages, this.db.conversations, async () => {
      const failed = await dismissFailedMessage(this.db, messageId);
      if (!failed) return undefined;
      const [queued] = await addOutboxMessages(this.db, [{ idempotencyKey: this.newKey(), conversationId: failed.conversationId, body: failed.body }], this.now());
      return queued;
    });
    if (row) void this.flush();
    return row;
  }

  /** The agent deletes a failed message; false when there is no failed message with that id. */
  async remove(messageId: string): Promise<boolean> {
    return (await dismissFailedMessage(this.db, messageId)) !== undefined;
  }

  /** Stops retrying (sign-out); queued rows stay in Dexie for the next session of the same agent. */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.attempt = 0;
  }

  private async sendQueued(): Promise<void> {
    for (const row of await queuedOutbox(this.db)) {
      if (!(await this.deliver(row))) {
        this.scheduleRetry();
        return;
      }
    }
    this.attempt = 0;
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay(this.attempt++));
  }

  /** False when the reply could not reach the server and must be tried again later. */
  private async deliver(row: StoredMessage): Promise<boolean> {
    try {
      await upsertMessage(this.db, await this.connector.send(row.conversationId, row.body, row.id));
      return true;
    } catch (error) {
      if (!isPbxError(error, 'rejected')) return false;
      await failOutboxMessage(this.db, row.id, error.message);
      return true;
    }
  }
}
