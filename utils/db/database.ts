import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import type { GroupSummary } from '../model/queue';
import type { ReadReceipt } from '../model/receipt';
import type { Template } from '../model/template';
import { schemaVersions } from './schema';

/**
 * A conversation as stored: the PBX's fields plus what only this client tracks. `activityAt` is
 * derived (see activityAt()) so it can be indexed; `unread` counts inbound messages the agent has
 * not looked at yet.
 */
export type StoredConversation = Conversation & { activityAt: number; unread: number };

/**
 * A message as stored. `pending` marks an outbox row, written locally and not yet accepted by the
 * server (its id is the idempotency key). `hidden` is set when the agent deleted a failed message
 * the server still has, so a replay does not bring it back. `words` are its search words (search.ts),
 * `thread` the history it shows in (thread-key.ts).
 */
export type StoredMessage = Message & { pending?: 1; hidden?: 1; words?: string[]; thread?: string };

/** A read mark, keyed by conversation and agent. */
export type StoredReceipt = ReadReceipt & { agentId: string };

export interface MetaRow {
  key: string;
  value: unknown;
}

export type ParleyDb = Dexie & {
  conversations: EntityTable<StoredConversation, 'id'>;
  messages: EntityTable<StoredMessage, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  receipts: Table<StoredReceipt, [string, string]>;
  groups: EntityTable<GroupSummary, 'id'>;
  templates: EntityTable<Template, 'id'>;
};

export function openDb(name = 'parley'): ParleyDb {
  const db = new Dexie(name) as ParleyDb;
  for (const { version, stores, upgrade } of schemaVersions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

let shared: ParleyDb | undefined;

/**
 * The extension's one database, opened lazily. Only the background and extension pages call this:
 * from a content script it would open the CRM site's IndexedDB.
 */
export function db(): ParleyDb {
  return (shared ??= openDb());
}
