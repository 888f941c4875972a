import type { ParleyDb, StoredMessage } from '../db/database';
import { addOutboxMessage, failOutboxMessage, pendingOutbox, upsertMessage } from '../db/messages';
import type { PbxConnector } from '../pbx/connector';
import { isPbxError } from '../pbx/errors';

/**
 * The send path: a reply is stored first (status "queued", id = its idempotency key) so the agent
 * sees it at once and it survives a crash, then POSTed. Unreachable server: it stays queued and is
 * resent after the next reconnect with the same key, so the server stores and sends it once.
 */
export class Outbox {
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: ParleyDb,
    private readonly connector: Pick<PbxConnector, 'send'>,
    private readonly newKey: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = Date.now,
  ) {}

  async sendReply(conversationId: string, body: string): Promise<StoredMessage> {
    const row = await addOutboxMessage(this.db, { idempotencyKey: this.newKey(), conversationId, body, createdAt: this.now() });
    void this.deliver(row);
    return row;
  }

  /** Resends every queued reply, one at a time and in order; concurrent calls share one pass. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      for (const row of await pendingOutbox(this.db)) await this.deliver(row);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async deliver(row: StoredMessage): Promise<void> {
    try {
      const message = await this.connector.send(row.conversationId, row.body, row.id);
      await upsertMessage(this.db, message);
    } catch (error) {
      if (isPbxError(error, 'rejected')) await failOutboxMessage(this.db, row.id, error.message);
      // Anything else (offline, token renewal failed) leaves the row queued for the next flush.
    }
  }
}
