import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { Channel } from '../directory/numbers';
import { findMessageIdByCarrierId, memberIds, messageView, updateMessageStatus, type StatusChange, type StoredMessage } from '../conversations/store';
import type { EventWriter } from '../events/unit-of-work';
import type { Carrier, DeliveryReport } from './carrier';

/**
 * Hands queued outbound messages to their number's carrier and applies status changes
 * (queued -> sent -> delivered | failed), each with a message.updated event.
 *
 * Status work for one message runs strictly one step after another (a promise chain per message),
 * so a delivery report that arrives before "sent" was stored waits for it instead of being lost.
 */
export class OutboundDispatcher {
  private readonly chains = new Map<string, Promise<void>>();
  // carrierMessageId -> messageId for sends whose "sent" row may not be committed yet.
  private readonly justSent = new Map<string, string>();

  constructor(
    private readonly deps: {
      db: Db;
      events: EventWriter;
      clock: Clock;
      carriers: ReadonlyMap<string, Carrier>;
      track: (work: Promise<unknown>) => void;
    },
  ) {}

  dispatch(message: StoredMessage, channel: Channel): void {
    this.deps.track(
      this.enqueue(message.id, async () => {
        const carrier = message.carrier ? this.deps.carriers.get(message.carrier) : undefined;
        if (!carrier) {
          await this.applyStatus(message.id, { status: 'failed', failureReason: `no carrier "${message.carrier}"` });
          return;
        }
        let result;
        try {
          result = await carrier.send({ messageId: message.id, channel, from: message.from, to: message.to, body: message.body });
        } catch (err) {
          result = { status: 'failed' as const, reason: `carrier error: ${(err as Error).message}` };
        }
        if (result.status === 'sent') {
          const key = `${carrier.name}:${result.carrierMessageId}`;
          this.justSent.set(key, message.id);
          try {
            await this.applyStatus(message.id, { status: 'sent', carrierMessageId: result.carrierMessageId });
          } finally {
            this.justSent.delete(key);
          }
        } else {
          await this.applyStatus(message.id, { status: 'failed', failureReason: result.reason });
        }
      }),
    );
  }

  async reportDelivery(report: DeliveryReport): Promise<void> {
    const messageId =
      this.justSent.get(`${report.carrier}:${report.carrierMessageId}`) ??
      (await findMessageIdByCarrierId(this.deps.db, report.carrier, report.carrierMessageId));
    if (!messageId) {
      console.warn(`[parley] delivery report for unknown ${report.carrier} message ${report.carrierMessageId}`);
      return;
    }
    await this.enqueue(messageId, () =>
      this.applyStatus(messageId, { status: report.status, failureReason: report.status === 'failed' ? (report.reason ?? 'failed') : null }),
    );
  }

  private enqueue(messageId: string, step: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(messageId) ?? Promise.resolve()).then(step);
    const settled = next.catch(() => {});
    this.chains.set(messageId, settled);
    void settled.then(() => {
      if (this.chains.get(messageId) === settled) this.chains.delete(messageId);
    });
    return next;
  }

  private async applyStatus(messageId: string, change: StatusChange): Promise<void> {
    await this.deps.events.run(async (tx, emit) => {
      const updated = await updateMessageStatus(tx, messageId, change, this.deps.clock.now());
      if (!updated) return; // stale or duplicate report: status only moves forward
      await emit(await memberIds(tx, updated.conversationId), { kind: 'message.updated', message: messageView(updated) });
    });
  }
}
