import Dexie, { type EntityTable } from 'dexie';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import { schemaVersions } from './schema';

/** A reply written locally and not yet acknowledged by the server (its id is the idempotency key). */
export type StoredMessage = Message & { pending?: 1 };

export interface MetaRow {
  key: string;
  value: unknown;
}

export type ParleyDb = Dexie & {
  conversations: EntityTable<Conversation, 'id'>;
  messages: EntityTable<StoredMessage, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
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
