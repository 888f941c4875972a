/**
 * Every schema version Parley has shipped, oldest first (wire-webapp style). Never edit a shipped
 * entry: append a new version with the changed stores and, if rows need rewriting, an upgrade.
 */
import type { Transaction } from 'dexie';

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
];
