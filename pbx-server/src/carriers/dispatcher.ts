import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { Channel } from '../directory/numbers';
import { findMessageIdByCarrierId, memberIds, messageView, updateMessageStatus, type StatusChange, type StoredMessage } from '../conversations/store';
import type { EventWriter } from '../events/unit-of-work';
import type { Carrier, DeliveryReport, DeliveryStatus, SendResult } from './carrier';
import { findOutboundMessageOfCarrier, recordCarrierMessageId } from './outbound-messages';

// A carrier's Retry-After is honoured up to this; beyond it the carrier is as good as down.
const MAX_RETRY_WAIT_MS = 60_000;

/**
 * Hands queued outbound messages to their carrier and applies status changes
 * (queued -> sent -> delivered | failed), each with a message.updated event to the conversation's
 * members. Status only moves forward (conversations/store.ts): a late "sent" never undoes "delivered".
 *
 * Status work for one message runs strictly one step after another (a promise chain per message),
 * so a delivery report that arrives while the send is still being recorded waits for it.
 */
export class OutboundDispatcher {
  private readonly chains = new Map<string, Promise<void>>();

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
    this.deps.track(this.attempt(message, channel, 0));
  }

  async reportDelivery(report: DeliveryReport): Promise<void> {
    // Queued before the lookup when the id is known, so reports apply in the order they arrived
    // (Kannel sends "sent" and "delivered" back to back).
    if ('messageId' in report) {
      const claimed = report.messageId;
      await this.enqueue(claimed, async () => {
        const messageId = await findOutboundMessageOfCarrier(this.deps.db, report.carrier, claimed);
        if (messageId) await this.applyStatus(messageId, report.status, report.reason);
        else console.warn(`[parley] ${report.carrier} reported on unknown message ${claimed}`);
      });
      return;
    }
    const messageId = await findMessageIdByCarrierId(this.deps.db, report.carrier, report.carrierMessageId);
    if (messageId) await this.enqueue(messageId, () => this.applyStatus(messageId, report.status, report.reason));
    else console.warn(`[parley] ${report.carrier} reported on unknown carrier message ${report.carrierMessageId}`);
  }

  private attempt(message: StoredMessage, channel: Channel, tries: number): Promise<void> {
    return this.enqueue(message.id, async () => {
      const carrier = message.carrier ? this.deps.carriers.get(message.carrier) : undefined;
      if (!carrier) {
        await this.applyStatus(message.id, 'failed', `no carrier "${message.carrier}"`);
        return;
      }
      let result: SendResult;
      try {
        result = await carrier.send({ messageId: message.id, channel, from: message.from, to: message.to, body: message.body });
      } catch (err) {
        result = { outcome: 'refused', reason: `carrier error: ${(err as Error).message}`, retryable: false };
      }
      if (result.outcome === 'accepted') {
        await this.applyStatus(message.id, result.status, result.reason, result.carrierMessageId);
        return;
      }
      const delay = result.retryable ? carrier.retryDelaysMs[tries] : undefined;
      if (delay === undefined) {
        const after = tries > 0 ? ` (after ${tries + 1} tries)` : '';
        await this.applyStatus(message.id, 'failed', `${result.reason}${after}`);
        return;
      }
      // Waits outside the chain, so reports and other work for this message are not held up by it.
      const wait = Math.min(Math.max(delay, result.retryAfterMs ?? 0), MAX_RETRY_WAIT_MS);
      this.deps.track(new Promise((resolve) => setTimeout(resolve, wait)).then(() => this.attempt(message, channel, tries + 1)));
    });
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

  private async applyStatus(messageId: string, status: DeliveryStatus, reason?: string, carrierMessageId?: string): Promise<void> {
    if (status === 'queued') {
      // Nothing to tell the agent: the message was queued already. Keep the carrier's id for reports.
      if (carrierMessageId) await recordCarrierMessageId(this.deps.db, messageId, carrierMessageId);
      return;
    }
    const change: StatusChange = {
      status,
      failureReason: status === 'failed' ? (reason ?? 'failed') : null,
      ...(carrierMessageId ? { carrierMessageId } : {}),
    };
    await this.deps.events.run(async (tx, emit) => {
      const updated = await updateMessageStatus(tx, messageId, change, this.deps.clock.now());
      if (!updated) {
        // Stale or duplicate report (status only moves forward); the carrier's id is still worth keeping.
        if (carrierMessageId) await recordCarrierMessageId(tx, messageId, carrierMessageId);
        return;
      }
      await emit(await memberIds(tx, updated.conversationId), { kind: 'message.updated', message: messageView(updated) });
    });
  }
}
