/**
 * Every schema version Parley has shipped, oldest first (wire-webapp style). Never edit a shipped
 * entry: append a new version with the changed stores and, if rows need rewriting, an upgrade.
 */
import type { Transaction } from 'dexie';
import { activityAt, type Conversation } from '../model/conversation';
import { threadKeyOf } from './thread-key';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // lastMessageAt orders the inbox; customerNumber finds the thread for a number clicked in the CRM.
      conversations: 'id, lastMessageAt, customerNumber',
      // The compound index is the timeline; idempotencyKey matches a server echo to its outbox row;
      // `pending` is only present on outbox rows, so the sparse index lists exactly what to resend.
      messages: 'id, [conversationId+createdAt], idempotencyKey, pending',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // activityAt (lastMessageAt, or createdAt before the first message) is never null, so every
      // conversation is in the inbox order and in the per-phone index; lastMessageAt was null for new
      // conversations, which IndexedDB leaves out of an index. `unread` backs the badge count.
      conversations: 'id, activityAt, [customerNumber+activityAt], unread',
      // [pending+createdAt]: the outbox in sending order, straight off a sparse index (only outbox
      // rows carry `pending`).
      messages: 'id, [conversationId+createdAt], idempotencyKey, [pending+createdAt]',
      meta: 'key',
    },
    async upgrade(tx) {
      await tx
        .table('conversations')
        .toCollection()
        .modify((row: Conversation & { activityAt?: number; unread?: number }) => {
          row.activityAt = activityAt(row);
          // Version 1 kept no read state: nothing counts as unread after the upgrade.
          row.unread = 0;
        });
    },
  },
  {
    version: 3,
    stores: {
      // state: the SMS-queue waiting list straight off an index.
      conversations: 'id, activityAt, [customerNumber+activityAt], unread, state',
      // *words: a word index over message text (multiEntry), so searching the whole local history
      // reads only the rows whose words start with the query instead of scanning every message.
      // Rows stored before it get their words from utils/sync/word-indexer.ts, in the background.
      messages: 'id, [conversationId+createdAt], idempotencyKey, [pending+createdAt], *words',
      // One read mark per (conversation, internal participant): "✓ Read by Jake".
      receipts: '[conversationId+agentId], conversationId',
      // The ring groups and SMS queues the agent belongs to, with its presence in each.
      groups: 'id',
      // Personal templates (kept here only) and the PBX's shared ones (refreshed from it).
      templates: 'id, scope',
    },
  },
  {
    version: 4,
    stores: {
      // Conversation ↔ CRM case (utils/background/case-links.ts): the open link of a conversation,
      // the link shown in a tab, and the most recent (ended) links of a number to offer again.
      caseLinks: 'id, conversationId, tabId, [customerNumber+linkedAt]',
    },
  },
  {
    version: 5,
    stores: {
      // [thread+createdAt]: one history per phone number across its conversations (thread-key.ts),
      // read a page at a time by the thread like the per-conversation timeline.
      messages: 'id, [conversationId+createdAt], idempotencyKey, [pending+createdAt], *words, [thread+createdAt]',
    },
    async upgrade(tx) {
      const conversations = new Map<string, Conversation>();
      await tx.table('conversations').each((row: Conversation) => conversations.set(row.id, row));
      await tx
        .table('messages')
        .toCollection()
        .modify((row: { conversationId: string; thread?: string }) => {
          const conversation = conversations.get(row.conversationId);
          row.thread = conversation ? threadKeyOf(conversation) : `conversation:${row.conversationId}`;
        });
    },
  },
];
