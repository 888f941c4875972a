import { storage } from 'wxt/utils/storage';
import type { ConnectionState } from './model/connection';
import type { StoredSession } from './pbx/connector';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** Prefills the options form; not secret. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });
export const extensionItem = storage.defineItem<string>('local:extension', { fallback: '' });

/**
 * The refresh token and who it belongs to, in storage.local so the background can resume on the
 * next browser start. The password is never stored; the access token lives only in memory.
 */
export const sessionItem = storage.defineItem<StoredSession | null>('local:session', { fallback: null });

/**
 * The background's connection state for every page to show. storage.session: it describes this
 * browser run only, and content scripts cannot read it.
 */
export const connectionItem = storage.defineItem<ConnectionState>('session:connection', {
  fallback: { status: 'signed-out' },
});
