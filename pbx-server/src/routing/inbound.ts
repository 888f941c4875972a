import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { InboundText } from '../carriers/carrier';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import { configuredBot } from '../bots/bot';
import { classifyKeyword } from '../compliance/keywords';
import { findBot } from '../directory/bots';
import { findNumbers, type PbxNumber } from '../directory/numbers';
import type { Emit, EventWriter } from '../events/unit-of-work';
import { invalidField } from '../http/errors';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';
import { appendAutomatedText, type Outbound } from '../conversations/outbound';
import {
  bumpUnreadMany,
  carrierKey,
  ensureRoutedMembers,
  findMessageIdsByCarrierIds,
  findOpenLineConversations,
  insertInboundMessages,
  lineKey,
  messageView,
  previewOf,
  recordActivityMany,
  type ConversationRecord,
  type StoredMessage,
} from '../conversations/store';
import { loadConversationViews, withUnread } from '../conversations/views';
import { announce, type Announcement } from '../queues/entry';
import { retryRingGroupAssignment, startLineConversation } from './start-conversation';
import { effectiveRoute } from './effective-route';

type Pending = { text: InboundText; resolve: (r: { messageId: string }) => void; reject: (err: unknown) => void };
type Accepted = Pending & { number: PbxNumber; customer: string; key: string; carrierRef: string };

// Large enough to amortize a transaction under load, small enough to keep one batch short.
const MAX_BATCH = 200;

/**
 * The single path for every inbound text, whatever carrier it came from: resolve the number, route
 * it, store it and notify the conversation's members.
 *
 * Group commit: texts that arrive while a batch is being stored wait and go together in the next
 * transaction, so under load one transaction (and one set of statements) carries many texts; with
 * one text at a time nothing waits. First texts (new conversations) are routed one by one; texts
 * to open conversations are stored with set-based statements.
 */
export class InboundRouter {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher }) {}

  receiveInbound(text: InboundText): Promise<{ messageId: string }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.storeSafely(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  /** A failing batch is retried text by text, so one bad text cannot fail the others. */
  private async storeSafely(batch: Pending[]): Promise<void> {
    try {
      await this.store(batch);
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const pending of batch) await this.storeSafely([pending]);
    }
  }

  private async store(batch: Pending[]): Promise<void> {
    const { db, events, clock, dispatcher } = this.deps;
    const lines = batch.map((p) => normalizeLineNumber(p.text.to));
    const numbers = await findNumbers(db, [...new Set(lines.filter((l): l is string => l !== null))]);
    const accepted: Accepted[] = [];
    batch.forEach((p, i) => {
      const number = numbers.get(lines[i]!);
      if (!number || !number.messagingEnabled) return p.reject(invalidField('to', `${p.text.to} is not a texting number of this PBX`));
      // Carriers may deliver alphanumeric sender ids; keep those verbatim.
      const customer = normalizeCustomerNumber(p.text.from) ?? p.text.from;
      accepted.push({ ...p, number, customer, key: lineKey(number.number, customer), carrierRef: carrierKey(p.text.carrier, p.text.carrierMessageId) });
    });
    if (accepted.length === 0) return;

    const at = clock.now();
    const outbound: Outbound[] = [];
    const ids = await events.run((tx, emit) => this.storeAccepted(tx, emit, accepted, at, outbound));
    accepted.forEach((p) => p.resolve({ messageId: ids.get(p.carrierRef)! }));
    for (const o of outbound) dispatcher.dispatch(o.message, o.channel);
  }

  /** Returns the message id of every carrier message in the batch. */
  private async storeAccepted(tx: Transaction, emit: Emit, accepted: Accepted[], at: Date, outbound: Outbound[]): Promise<Map<string, string>> {
    // Carriers retry webhooks: a text stored before (or twice in this batch) is acknowledged, not duplicated.
    const ids = await findMessageIdsByCarrierIds(tx, accepted.map((p) => ({ carrier: p.text.carrier, carrierMessageId: p.text.carrierMessageId })));
    const fresh: Accepted[] = [];
    const queued = new Set<string>();
    for (const p of accepted) {
      if (ids.has(p.carrierRef) || queued.has(p.carrierRef)) continue;
      queued.add(p.carrierRef);
      fresh.push(p);
    }
    if (fresh.length === 0) return ids;

    const conversations = await this.routeConversations(tx, emit, fresh, at);
    const announcements = conversations.announcements;
    const stored = await insertInboundMessages(
      tx,
      fresh.map((p) => ({
        conversationId: conversations.byKey.get(p.key)!.id,
        body: p.text.body,
        from: p.customer,
        to: p.number.number,
        carrier: p.text.carrier,
        carrierMessageId: p.text.carrierMessageId,
      })),
      at,
    );
    stored.forEach((m, i) => ids.set(fresh[i]!.carrierRef, m.id));

    // Per conversation: its newest text, how many arrived, then every member's new unread count.
    const perConversation = new Map<string, typeof stored>();
    for (const m of stored) perConversation.set(m.conversationId, [...(perConversation.get(m.conversationId) ?? []), m]);
    const conversationIds = [...perConversation.keys()];
    await recordActivityMany(tx, conversationIds.map((id) => ({ id, body: perConversation.get(id)!.at(-1)!.body })), at);
    const unread = await bumpUnreadMany(tx, conversationIds.map((id) => ({ id, n: perConversation.get(id)!.length })));
    const views = await loadConversationViews(tx, conversationIds, null);

    const membersOf = new Map<string, { agentId: string; unread: number }[]>();
    for (const u of unread) membersOf.set(u.conversationId, [...(membersOf.get(u.conversationId) ?? []), u]);
    for (const [conversationId, messages] of perConversation) {
      const members = membersOf.get(conversationId) ?? [];
      const view = views.get(conversationId)!;
      messages.forEach((m, i) => {
        // The i-th of n texts: each member had (n - 1 - i) fewer unread when it arrived.
        const earlier = messages.length - 1 - i;
        const unreadThen = new Map(members.map((u) => [u.agentId, u.unread - earlier]));
        const viewThen = { ...view, lastMessagePreview: previewOf(m.body) };
        emit([...unreadThen.keys()], (agentId) => ({
          kind: 'message.created',
          conversation: withUnread(viewThen, unreadThen.get(agentId)!),
          message: messageView(m),
        }));
      });
    }

    for (const a of announcements) await announce(tx, emit, a);
    await this.answerByBots(tx, emit, conversations.bots, stored, at, outbound);
    return ids;
  }

  /**
   * Finds or starts the conversation of every (line, customer) pair in the batch, in arrival order,
   * and keeps each one's routed agents as members.
   */
  private async routeConversations(tx: Transaction, emit: Emit, fresh: Accepted[], at: Date) {
    const open = await findOpenLineConversations(tx, fresh.map((p) => ({ didNumber: p.number.number, customerNumber: p.customer })));
    const byKey = new Map<string, ConversationRecord>();
    const announcements: Announcement[] = [];
    const bots = new Map<string, ConversationRecord>();
    const routed: { conversationId: string; agentId?: string; groupId?: string }[] = [];
    for (const p of fresh) {
      if (byKey.has(p.key)) continue;
      let conversation: ConversationRecord | undefined = open.get(p.key);
      if (!conversation) {
        const started = await startLineConversation(tx, emit, p.number, p.customer, at);
        conversation = started.conversation;
        if (started.announcement) announcements.push(started.announcement);
      } else if (conversation.state === 'waiting' && open.get(p.key)!.groupKind === 'ring_group') {
        const assigned = await retryRingGroupAssignment(tx, emit, conversation, at);
        if (assigned) announcements.push(assigned);
      }
      byKey.set(p.key, conversation);
      if (conversation.botId) bots.set(conversation.id, conversation);
      const route = effectiveRoute(p.number, at);
      if (conversation.groupId) routed.push({ conversationId: conversation.id, groupId: conversation.groupId });
      else if (route.type === 'agent') routed.push({ conversationId: conversation.id, agentId: route.agentId });
    }
    await ensureRoutedMembers(tx, routed, at);
    return { byKey, announcements, bots };
  }

  /** Bot conversations: the bot answers each text it wants to (sent after commit). */
  private async answerByBots(
    tx: Transaction,
    emit: Emit,
    bots: Map<string, ConversationRecord>,
    stored: StoredMessage[],
    at: Date,
    outbound: Outbound[],
  ): Promise<void> {
    for (const m of stored) {
      const conversation = bots.get(m.conversationId);
      const record = conversation?.botId ? await findBot(tx, conversation.botId) : null;
      if (!conversation || !record) continue;
      // STOP/START/HELP get their answer from compliance/keyword-responder.ts, not from the bot.
      if (classifyKeyword(m.body)) continue;
      const reply = configuredBot(record).replyTo({ body: m.body, customerNumber: m.from, at });
      const text = reply === null ? null : await appendAutomatedText(tx, emit, conversation, reply, at);
      if (text) outbound.push(text);
    }
  }
}
