import type { ParleyDb, StoredConversation, StoredMessage } from '../db/database';
import { mergeConversation, mergeMessage } from '../db/merge';
import { hasCaughtUp, setCaughtUp, setCursor } from '../db/meta';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import type { PbxEvent } from '../pbx/connector';

/** What the sync engine queues: the connector's events, and the point where the backlog ended. */
export type SyncItem = PbxEvent | { kind: 'caught-up'; cursor: number };

/** A customer's (or colleague's) text stored for the first time after the store caught up: unread, maybe notified. */
export interface Arrival {
  conversation: StoredConversation;
  message: Message;
  /** The conversation was not in the store before this message: a chat request. */
  newConversation: boolean;
}

/**
 * Applies one batch in a single transaction with a handful of bulk reads and writes, whatever its
 * size: every row the batch touches is read once (bulkGet, one anyOf for idempotency keys), the
 * events are folded over those rows in memory in cursor order, and the results are written back
 * with bulkPut together with the batch's last cursor. Returns the arrivals, valid once committed.
 */
export function applyEvents(db: ParleyDb, batch: readonly SyncItem[]): Promise<Arrival[]> {
  return db.transaction('rw', db.conversations, db.messages, db.meta, async () => {
    const wanted = rowsTouched(batch);
    const [storedMessages, storedConversations, outboxRows, wasCaughtUp] = await Promise.all([
      db.messages.bulkGet(wanted.messageIds),
      db.conversations.bulkGet(wanted.conversationIds),
      wanted.keys.length > 0 ? db.messages.where('idempotencyKey').anyOf(wanted.keys).filter((row) => row.pending === 1).toArray() : [],
      hasCaughtUp(db),
    ]);
    const state = new BatchState(
      new Map(wanted.messageIds.map((id, index) => [id, storedMessages[index]])),
      new Map(wanted.conversationIds.map((id, index) => [id, storedConversations[index]])),
      outboxRows,
    );

    let counting = wasCaughtUp;
    const arrivals: Array<{ conversationId: string; message: Message; newConversation: boolean }> = [];
    for (const item of batch) {
      switch (item.kind) {
        case 'message': {
          const firstTime = !state.messages.get(item.message.id);
          const knownConversation = state.conversations.get(item.conversation.id) !== undefined;
          state.putMessage(item.message);
          state.putConversation(item.conversation);
          if (counting && firstTime && item.message.direction === 'inbound' && item.message.kind !== 'system') {
            state.countUnread(item.conversation.id);
            arrivals.push({ conversationId: item.conversation.id, message: item.message, newConversation: !knownConversation });
          }
          break;
        }
        case 'status':
          state.putMessage(item.message);
          break;
        case 'conversation':
          state.putConversation(item.conversation);
          break;
        case 'caught-up':
          counting = true;
          break;
        case 'checkpoint':
          break;
      }
    }

    await state.write(db);
    await setCursor(db, Math.max(...batch.map((item) => item.cursor)));
    if (counting && !wasCaughtUp) await setCaughtUp(db);
    return arrivals.map(({ conversationId, ...rest }) => ({ ...rest, conversation: state.conversations.get(conversationId)! }));
  });
}

function rowsTouched(batch: readonly SyncItem[]) {
  const messageIds = new Set<string>();
  const conversationIds = new Set<string>();
  const keys = new Set<string>();
  for (const item of batch) {
    if (item.kind === 'message' || item.kind === 'status') {
      messageIds.add(item.message.id);
      if (item.message.idempotencyKey) keys.add(item.message.idempotencyKey);
    }
    if (item.kind === 'message' || item.kind === 'conversation') conversationIds.add(item.conversation.id);
  }
  return { messageIds: [...messageIds], conversationIds: [...conversationIds], keys: [...keys] };
}

/** The rows a batch reads, changed in memory; only the changed ones are written back. */
class BatchState {
  private changedMessages = new Set<string>();
  private changedConversations = new Set<string>();
  private replacedOutbox = new Set<string>();
  private outboxByKey: Map<string, string[]>;

  constructor(
    readonly messages: Map<string, StoredMessage | undefined>,
    readonly conversations: Map<string, StoredConversation | undefined>,
    outboxRows: StoredMessage[],
  ) {
    this.outboxByKey = new Map();
    for (const row of outboxRows) {
      const ids = this.outboxByKey.get(row.idempotencyKey!) ?? [];
      ids.push(row.id);
      this.outboxByKey.set(row.idempotencyKey!, ids);
    }
  }

  putMessage(message: Message): void {
    // The server's copy of a reply replaces its outbox row, so the thread never shows it twice.
    for (const id of (message.idempotencyKey && this.outboxByKey.get(message.idempotencyKey)) || []) {
      if (id !== message.id) this.replacedOutbox.add(id);
    }
    const merged = mergeMessage(this.messages.get(message.id), message);
    if (!merged) return;
    this.messages.set(message.id, merged);
    this.changedMessages.add(message.id);
  }

  putConversation(conversation: Conversation): void {
    const merged = mergeConversation(this.conversations.get(conversation.id), conversation);
    if (!merged) return;
    this.conversations.set(conversation.id, merged);
    this.changedConversations.add(conversation.id);
  }

  countUnread(conversationId: string): void {
    const row = this.conversations.get(conversationId);
    if (!row) return;
    this.conversations.set(conversationId, { ...row, unread: row.unread + 1 });
    this.changedConversations.add(conversationId);
  }

  async write(db: ParleyDb): Promise<void> {
    const pick = <T>(rows: Map<string, T | undefined>, ids: Set<string>) => [...ids].map((id) => rows.get(id)!);
    await Promise.all([
      this.replacedOutbox.size > 0 ? db.messages.bulkDelete([...this.replacedOutbox]) : undefined,
      this.changedMessages.size > 0 ? db.messages.bulkPut(pick(this.messages, this.changedMessages)) : undefined,
      this.changedConversations.size > 0 ? db.conversations.bulkPut(pick(this.conversations, this.changedConversations)) : undefined,
    ]);
  }
}
