import type { Clock } from '../clock';
import type { Db, Transaction } from '../db/db';
import type { InboundText } from '../carriers/carrier';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import { runActionsAfterInbound } from '../actions/after-inbound';
import { answerByBots } from '../bots/answer';
import type { PbxNumber } from '../directory/numbers';
import type { Emit, EventWriter } from '../events/unit-of-work';
import { invalidField, type ApiError } from '../http/errors';
import { normalizeLineNumber } from '../phone/normalize';
import type { Outbound } from '../conversations/outbound';
import { addMembers, carrierKey, findMessageIdsByCarrierIds, lineKey, messageView, previewOf, type ConversationRecord, type StoredMessage } from '../conversations/store';
import { announce, type Announcement } from '../queues/entry';
import { appendInbound, loadLines, lockOpenLines, type AppendedInbound, type Line } from './inbound-store';
import { CustomerNumbers } from './customer-numbers';
import { InboundViewCache, loadKeyedViews } from './inbound-views';
import { KeyedBatches } from './keyed-batches';
import { LineSettings } from './line-settings';
import { rerouteOpenConversation, reroutes, retryRingGroupAssignment, startLineConversation } from './start-conversation';
import { lockInboundRouting } from './routing-lock';
import { effectiveRoute } from './effective-route';
import type { NumberAutomation } from './number-automation';

type Pending = { text: InboundText; resolve: (r: { messageId: string }) => void; reject: (err: unknown) => void };
type Parsed = Pending & { did: string | null; customer: string; key: string; carrierRef: string };
type Accepted = Parsed & { number: PbxNumber };

/** Where a batch's texts go. */
type Target = { record: ConversationRecord };

// Large enough to amortize a transaction under load, small enough to keep one batch short.
const MAX_BATCH = 200;
// PostgreSQL: batches stored side by side, so the server's round trips of one overlap the work of
// another (one at a time, a batch's statements wait on the network while both processes idle).
const BATCHES_IN_FLIGHT = 4;

/**
 * The single path for every inbound text, whatever carrier it came from: resolve the number, route
 * it, store it and notify the conversation's members.
 *
 * Group commit: texts that arrive while batches are being stored wait and go together in the next
 * transaction, so under load one transaction carries many texts; with one text at a time nothing
 * waits. On PostgreSQL up to BATCHES_IN_FLIGHT batches run at once, never two with the same
 * (line, customer) pair or carrier message (keyed-batches.ts): each conversation's texts are still
 * stored one batch after another, in arrival order. A batch of texts to open conversations costs
 * five statements whatever its size (locking those conversations, lines, store with activity and
 * unread counts, event-log lock, events; on PostgreSQL in three round trips and the COMMIT, the
 * others pipelined), plus one for the views of conversations whose view changed since it was last
 * read (inbound-views.ts); first texts (new conversations) and ring group
 * conversations still waiting for an agent are routed one by one, one batch at a time (lockRouting).
 */
export class InboundRouter {
  private readonly batches: KeyedBatches<Parsed>;
  private readonly views = new InboundViewCache();
  private readonly customers = new CustomerNumbers();
  private readonly settings = new LineSettings();

  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher }) {
    this.batches = new KeyedBatches({
      maxBatch: MAX_BATCH,
      maxInFlight: deps.db.oneTransactionAtATime ? 1 : BATCHES_IN_FLIGHT,
      keysOf: (p) => [p.key, p.carrierRef],
      run: (batch) => this.storeSafely(batch),
    });
  }

  receiveInbound(text: InboundText): Promise<{ messageId: string }> {
    return new Promise((resolve, reject) => {
      const did = normalizeLineNumber(text.to);
      const customer = this.customers.normalize(text.from);
      const key = lineKey(did ?? text.to, customer);
      this.batches.push({ text, resolve, reject, did, customer, key, carrierRef: carrierKey(text.carrier, text.carrierMessageId) });
    });
  }

  /** A failing batch is retried text by text, so one bad text cannot fail the others. */
  private async storeSafely(batch: Parsed[]): Promise<void> {
    try {
      await this.store(batch);
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const pending of batch) await this.storeSafely([pending]);
    }
  }

  private async store(parsed: Parsed[]): Promise<void> {
    const at = this.deps.clock.now();
    const outbound: Outbound[] = [];
    const { ids, rejected, loadedViews } = await this.deps.events.run((tx, emit) => this.storeBatch(tx, emit, parsed, at, outbound));
    this.views.remember(loadedViews);
    for (const p of parsed) {
      const error = rejected.get(p);
      if (error) p.reject(error);
      else p.resolve({ messageId: ids.get(p.carrierRef)! });
    }
    for (const o of outbound) this.deps.dispatcher.dispatch(o.message, o.channel);
  }

  /** Returns every stored (or earlier stored) text's message id, the texts refused and the views it read. */
  private async storeBatch(tx: Transaction, emit: Emit, parsed: Parsed[], at: Date, outbound: Outbound[]) {
    const ids = new Map<string, string>();
    const rejected = new Map<Parsed, ApiError>();
    const pairs = [...new Map(parsed.filter((p) => p.did).map((p) => [p.key, { did: p.did!, customer: p.customer }])).values()];
    const lines = await this.loadAndLock(tx, pairs);
    let accepted: Accepted[] = [];
    const queued = new Set<string>();
    for (const p of parsed) {
      const number = lines.get(p.key)?.number;
      if (!number || !number.messagingEnabled) rejected.set(p, invalidField('to', `${p.text.to} is not a texting number of this PBX`));
      // The same carrier message twice in one batch is stored once.
      else if (!queued.has(p.carrierRef)) {
        queued.add(p.carrierRef);
        accepted.push({ ...p, number });
      }
    }
    if (accepted.length === 0) return { ids, rejected, loadedViews: new Map() };

    const automation = new Map(accepted.map((p) => [p.number.number, lines.get(p.key)!.automation]));
    const { targets, announcements, alreadyStored } = await this.routeConversations(tx, emit, accepted, lines, automation, at);
    for (const [ref, id] of alreadyStored) ids.set(ref, id);
    accepted = accepted.filter((p) => !alreadyStored.has(p.carrierRef));

    const appended = await appendInbound(
      tx,
      accepted.map((p) => ({
        conversationId: targets.get(p.key)!.record.id,
        body: p.text.body,
        from: p.customer,
        to: p.number.number,
        carrier: p.text.carrier,
        carrierMessageId: p.text.carrierMessageId,
      })),
      at,
    );
    const { stored } = appended;
    for (const m of stored) ids.set(carrierKey(m.carrier!, m.carrierMessageId!), m.id);
    // Carriers retry webhooks: a text stored before is acknowledged with its id, not stored again.
    const retried = accepted.filter((p) => !ids.has(p.carrierRef));
    if (retried.length > 0) {
      for (const [ref, id] of await findMessageIdsByCarrierIds(tx, retried.map((p) => ({ carrier: p.text.carrier, carrierMessageId: p.text.carrierMessageId })))) ids.set(ref, id);
    }

    const loadedViews = await this.notify(tx, emit, appended, at);
    for (const a of announcements) await announce(tx, emit, a);
    const batch = { tx, emit, conversations: [...targets.values()].map((t) => t.record), stored, automation, at, outbound };
    await answerByBots(batch);
    await runActionsAfterInbound(batch);
    return { ids, rejected, loadedViews };
  }

  /**
   * Every pair's number and open conversation, with those conversations locked (in id order, see
   * lockOpenLines) before this batch decides anything about them. The lock and the read go out
   * together (pipelined, one round trip): the read runs once the locks are held, and a statement
   * sees the rows as committed when it starts (READ COMMITTED), so it reads them as they are now.
   */
  private async loadAndLock(tx: Transaction, pairs: { did: string; customer: string }[]): Promise<Map<string, Line>> {
    const read = async () => new Map((await loadLines(tx, pairs, this.settings)).map((l) => [lineKey(l.did, l.customer), l]));
    // Run alone, the batch cannot see them change.
    if (this.deps.db.oneTransactionAtATime) return read();
    const [, lines] = await Promise.all([lockOpenLines(tx, pairs), read()]);
    return lines;
  }

  /**
   * Finds or starts the conversation of every (line, customer) pair, in arrival order. New ones are
   * routed by the route in effect (working hours, effective-route.ts); a ring group conversation
   * still waiting tries its strategy again; an agent-routed one gets its agent back as a member if
   * it was missing; an open one may be taken elsewhere by the route in effect
   * (rerouteOpenConversation: humans take a bot's conversation in working hours, a bot joins out of them).
   */
  private async routeConversations(tx: Transaction, emit: Emit, accepted: Accepted[], lines: Map<string, Line>, automation: Map<string, NumberAutomation>, at: Date) {
    const targets = new Map<string, Target>();
    const announcements: Announcement[] = [];
    const alreadyStored = new Map<string, string>();
    const needsRouting = accepted.filter((p) => {
      const open = lines.get(p.key)!.open;
      return !open || (open.record.state === 'waiting' && open.groupKind === 'ring_group');
    });
    // A carrier's retry of a text stored before must not start (or re-route) a conversation.
    if (needsRouting.length > 0) {
      const refs = needsRouting.map((p) => ({ carrier: p.text.carrier, carrierMessageId: p.text.carrierMessageId }));
      for (const [ref, id] of await findMessageIdsByCarrierIds(tx, refs)) alreadyStored.set(ref, id);
    }
    // Batches run side by side on PostgreSQL; the ones that route take turns (routing-lock.ts).
    let routingLocked = this.deps.db.oneTransactionAtATime;
    const lockRouting = async () => {
      if (!routingLocked) await lockInboundRouting(tx);
      routingLocked = true;
    };
    const missingMembers: { conversationId: string; agentId: string }[] = [];
    for (const p of accepted) {
      if (targets.has(p.key) || alreadyStored.has(p.carrierRef)) continue;
      const open = lines.get(p.key)!.open;
      const route = effectiveRoute(p.number, automation.get(p.number.number)!, at);
      if (!open || reroutes(open.record, route) || needsRouting.includes(p)) await lockRouting();
      if (!open) {
        const started = await startLineConversation(tx, emit, p.number, p.customer, route, at);
        if (started.announcement) announcements.push(started.announcement);
        targets.set(p.key, { record: started.conversation });
        continue;
      }
      let record = open.record;
      const rerouted = await rerouteOpenConversation(tx, emit, record, route, at);
      if (rerouted) {
        if (rerouted.announcement) announcements.push(rerouted.announcement);
        record = rerouted.conversation;
      } else if (needsRouting.includes(p)) {
        const assigned = await retryRingGroupAssignment(tx, emit, open.record, at);
        if (assigned) announcements.push(assigned);
      }
      if (!record.groupId && route.type === 'agent' && !open.memberIds.includes(route.agentId)) {
        missingMembers.push({ conversationId: record.id, agentId: route.agentId });
      }
      targets.set(p.key, { record });
    }
    if (missingMembers.length > 0) {
      await lockRouting();
      await addMembers(tx, missingMembers, at);
    }
    return { targets, announcements, alreadyStored };
  }

  /**
   * message.created for every stored text to its conversation's members, each with its own unread
   * count. Views come from the cache under the key this batch left them at, or are read (and
   * returned, to be cached once the batch committed).
   */
  private async notify(tx: Transaction, emit: Emit, { stored, unread, viewKeys }: AppendedInbound, at: Date) {
    const cached = new Map(
      [...viewKeys].flatMap(([id, key]) => {
        const view = this.views.get(id, key);
        return view ? [[id, view] as const] : [];
      }),
    );
    const loaded = await loadKeyedViews(tx, [...viewKeys.keys()].filter((id) => !cached.has(id)));
    const perConversation = new Map<string, StoredMessage[]>();
    for (const m of stored) perConversation.set(m.conversationId, [...(perConversation.get(m.conversationId) ?? []), m]);
    const membersOf = new Map<string, { agentId: string; unread: number }[]>();
    for (const u of unread) membersOf.set(u.conversationId, [...(membersOf.get(u.conversationId) ?? []), u]);

    for (const [conversationId, messages] of perConversation) {
      const members = membersOf.get(conversationId) ?? [];
      const view = cached.get(conversationId) ?? loaded.get(conversationId)!.view;
      messages.forEach((m, i) => {
        // The i-th of n texts: each member had (n - 1 - i) fewer unread when it arrived.
        const earlier = messages.length - 1 - i;
        const unreadThen = new Map(members.map((u) => [u.agentId, u.unread - earlier]));
        const conversation = { ...view, lastMessageAt: at.toISOString(), lastMessagePreview: previewOf(m.body) };
        emit([...unreadThen.keys()], { kind: 'message.created', conversation, message: messageView(m) }, unreadThen);
      });
    }
    return loaded;
  }
}
