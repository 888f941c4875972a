import Dexie from 'dexie';
import type { ParleyDb, StoredConversation, StoredMessage, StoredReceipt } from '../db/database';
import { forgetConversations } from '../db/conversations';
import { mergeConversation, mergeMessage } from '../db/merge';
import { threadKeyOf } from '../db/thread-key';
import { hasCaughtUp, setCaughtUp, setCursor } from '../db/meta';
import type { Conversation } from '../model/conversation';
import type { GroupRef } from '../model/conversation';
import type { Message } from '../model/message';
import type { GroupPresence } from '../model/queue';
import type { PbxEvent } from '../pbx/connector';

/** What the sync engine queues: the connector's events, and the point where the backlog ended. */
export type SyncItem = PbxEvent | { kind: 'caught-up'; cursor: number };

/**
 * A customer's (or colleague's) text stored for the first time after the store caught up: unread,
 * maybe notified. Also the line of a transfer (a system message, `kind: 'system'`): the agent it
 * hands the conversation to is told (utils/notify), exactly once like a text.
 */
export interface Arrival {
  conversation: StoredConversation;
  message: Message;
  /** The conversation was not in the store before this message: a chat request. */
  newConversation: boolean;
}

/**
 * Applies one batch in a single transaction with a handful of bulk operations, whatever its size.
 * Most messages of a sync are new, so they are added without being read first; only the few that
 * turn out to be stored already (a reply the outbox stored from the server's answer, a thread
 * loaded over REST) are read and merged. The events are folded over the rows in memory in cursor
 * order, and the results are written together with the batch's last cursor. Returns the arrivals,
 * valid once the transaction has committed.
 */
export function applyEvents(db: ParleyDb, batch: readonly SyncItem[]): Promise<Arrival[]> {
  return db.transaction('rw', [db.conversations, db.messages, db.meta, db.receipts, db.groups], async () => {
    const touched = rowsTouched(batch);
    const [conversations, outbox, wasCaughtUp] = await Promise.all([
      readConversations(db, touched.conversationIds),
      // The outbox is a handful of rows: reading it whole beats looking up every idempotency key.
      db.messages.where('[pending+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray(),
      hasCaughtUp(db),
    ]);

    let fold = foldBatch(batch, new Map(), conversations, outbox, wasCaughtUp);
    const added = [...fold.messages.values()];
    const alreadyStored = await addNew(db, added);
    if (alreadyStored.length > 0) {
      // Fold again from the stored copies of those few: their merge, and whether they count as new, change.
      const stored = await db.messages.bulkGet(alreadyStored);
      fold = foldBatch(batch, new Map(alreadyStored.map((id, index) => [id, stored[index]])), conversations, outbox, wasCaughtUp);
      const merged = alreadyStored.flatMap((id) => (fold.changedMessages.has(id) ? [fold.messages.get(id)!] : []));
      if (merged.length > 0) await db.messages.bulkPut(merged);
    }
    await Promise.all([
      fold.replacedOutbox.length > 0 ? db.messages.bulkDelete(fold.replacedOutbox) : undefined,
      fold.changedConversations.length > 0 ? db.conversations.bulkPut(fold.changedConversations) : undefined,
      setCursor(db, Math.max(...batch.map((item) => item.cursor))),
      fold.caughtUp && !wasCaughtUp ? setCaughtUp(db) : undefined,
      fold.receipts.length > 0 ? db.receipts.bulkPut(fold.receipts) : undefined,
      storePresence(db, fold.presence),
    ]);
    if (fold.removed.length > 0) await forgetConversations(db, fold.removed);
    return fold.arrivals;
  });
}

/** Who a transfer reaches (an agent, or whoever a ring group or queue picks) is utils/notify's to say. */
const isTransferLine = (message: Message) => message.kind === 'system' && message.systemEvent?.type === 'queue.transferred';

function rowsTouched(batch: readonly SyncItem[]) {
  const conversationIds = new Set<string>();
  for (const item of batch) if (item.kind === 'message' || item.kind === 'conversation') conversationIds.add(item.conversation.id);
  return { conversationIds: [...conversationIds] };
}

/**
 * The stored conversations a batch touches. A first sync touches a good share of the table in
 * every batch, and one read of the whole table then costs far less than hundreds of single reads.
 */
async function readConversations(db: ParleyDb, ids: string[]): Promise<Map<string, StoredConversation | undefined>> {
  if (ids.length === 0) return new Map();
  const wholeTable = ids.length >= 32 && ids.length * 4 >= (await db.conversations.count());
  if (wholeTable) {
    const all = new Map((await db.conversations.toArray()).map((row) => [row.id, row]));
    return new Map(ids.map((id) => [id, all.get(id)]));
  }
  const rows = await db.conversations.bulkGet(ids);
  return new Map(ids.map((id, index) => [id, rows[index]]));
}

/** The agent's own presence per group; a group not listed yet is stored from the event's reference. */
async function storePresence(db: ParleyDb, changes: ReadonlyMap<string, { group: GroupRef; presence: GroupPresence }>): Promise<void> {
  if (changes.size === 0) return;
  const ids = [...changes.keys()];
  const existing = await db.groups.bulkGet(ids);
  await db.groups.bulkPut(ids.map((id, index) => {
    const { group, presence } = changes.get(id)!;
    return { ...(existing[index] ?? { ...group, waitingCount: 0 }), me: presence };
  }));
}

/** Adds rows whose id is not stored yet; returns the ids of those that were (and were left untouched). */
async function addNew(db: ParleyDb, rows: StoredMessage[]): Promise<string[]> {
  if (rows.length === 0) return [];
  try {
    await db.messages.bulkAdd(rows);
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    const unexpected = failures.find(([, failure]) => failure.name !== 'ConstraintError');
    if (unexpected) throw unexpected[1];
    return failures.map(([position]) => rows[Number(position)]!.id);
  }
}

/** Folds the batch in cursor order over the rows it starts from (`stored`: message rows known to exist). */
function foldBatch(
  batch: readonly SyncItem[],
  stored: ReadonlyMap<string, StoredMessage | undefined>,
  storedConversations: ReadonlyMap<string, StoredConversation | undefined>,
  outbox: readonly StoredMessage[],
  wasCaughtUp: boolean,
) {
  const messages = new Map(stored);
  const changedMessages = new Set<string>();
  const conversations = new Map(storedConversations);
  const changedConversations = new Set<string>();
  const replacedOutbox = new Set<string>();
  const arrivals: Array<{ conversationId: string; message: Message; newConversation: boolean }> = [];
  const receipts = new Map<string, StoredReceipt>();
  const presence = new Map<string, { group: GroupRef; presence: GroupPresence }>();
  const removed = new Set<string>();
  let counting = wasCaughtUp;

  /** `thread`: the message's thread key when the event names its conversation (a status update keeps the stored one). */
  const putMessage = (message: Message, thread?: string) => {
    // The server's copy of a reply replaces its outbox row, so the thread never shows it twice.
    for (const row of outbox) if (message.idempotencyKey && row.idempotencyKey === message.idempotencyKey && row.id !== message.id) replacedOutbox.add(row.id);
    // The history a first sync imports gets its search words afterwards, in the background (word-indexer.ts).
    const merged = mergeMessage(messages.get(message.id), message, counting);
    if (!merged) return;
    merged.thread ??= thread ?? `conversation:${message.conversationId}`;
    messages.set(message.id, merged);
    changedMessages.add(message.id);
  };
  const putConversation = (conversation: Conversation) => {
    const merged = mergeConversation(conversations.get(conversation.id), conversation);
    if (!merged) return;
    conversations.set(conversation.id, merged);
    changedConversations.add(conversation.id);
    removed.delete(conversation.id);
  };
  const countUnread = (conversationId: string) => {
    const row = conversations.get(conversationId);
    if (!row) return;
    conversations.set(conversationId, { ...row, unread: row.unread + 1 });
    changedConversations.add(conversationId);
  };

  for (const item of batch) {
    switch (item.kind) {
      case 'message': {
        const firstTime = !messages.get(item.message.id);
        const knownConversation = conversations.get(item.conversation.id) !== undefined;
        putMessage(item.message, threadKeyOf(item.conversation));
        putConversation(item.conversation);
        const text = item.message.direction === 'inbound' && item.message.kind !== 'system';
        if (counting && firstTime && (text || isTransferLine(item.message))) {
          // A PBX that counts unread texts itself already counted this one.
          if (text && item.conversation.unreadCount === undefined) countUnread(item.conversation.id);
          arrivals.push({ conversationId: item.conversation.id, message: item.message, newConversation: !knownConversation });
        }
        break;
      }
      case 'status':
        putMessage(item.message);
        break;
      case 'conversation':
        putConversation(item.conversation);
        break;
      case 'removed':
        conversations.set(item.conversationId, undefined);
        changedConversations.delete(item.conversationId);
        removed.add(item.conversationId);
        break;
      case 'receipt':
        receipts.set(`${item.receipt.conversationId} ${item.receipt.agent.id}`, { ...item.receipt, agentId: item.receipt.agent.id });
        break;
      case 'presence':
        presence.set(item.group.id, { group: item.group, presence: item.presence });
        break;
      case 'caught-up':
        counting = true;
        break;
      case 'checkpoint':
        break;
    }
  }

  return {
    messages: new Map([...changedMessages].map((id) => [id, messages.get(id)!])),
    changedMessages,
    changedConversations: [...changedConversations].map((id) => conversations.get(id)!),
    replacedOutbox: [...replacedOutbox],
    arrivals: arrivals.map(({ conversationId, ...rest }) => ({ ...rest, conversation: conversations.get(conversationId)! })),
    caughtUp: counting,
    receipts: [...receipts.values()],
    presence,
    removed: [...removed],
  };
}
