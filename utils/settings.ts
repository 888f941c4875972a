import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { AgentSchema } from './model/agent';
import type { ConnectionState } from './model/connection';
import {
  DEFAULT_ALERT_TONE,
  DEFAULT_NOTIFICATION_RULES,
  DEFAULT_SMS_SPLITTING,
  type AlertTone,
  type NotificationRules,
  type SmsSplitting,
} from './model/preferences';
import type { AccessGrant, StoredSession } from './pbx/connector';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * The one spelling of a server address: its origin. Sessions, the store's owner and the event URL
 * all compare server URLs as strings, so "http://pbx:8787/" and "http://pbx:8787" must be the same.
 * The connector resolves every route from the root, so a path here never meant anything.
 */
export function normalizeServerUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Prefills the options form; not secret. v2: stored as an origin (v1 kept what was typed). */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', {
  fallback: DEFAULT_SERVER_URL,
  version: 2,
  migrations: { 2: (typed: string) => normalizeServerUrl(typed) },
});
export const extensionItem = storage.defineItem<string>('local:extension', { fallback: '' });

/** What a stored session must look like to be resumed; anything else is treated as signed out. */
export const StoredSessionSchema = z.object({ serverUrl: z.string(), refreshToken: z.string(), agent: AgentSchema });

/**
 * The refresh token and who it belongs to, in storage.local so the background can resume on the
 * next browser start. The password is never stored; the access token never reaches storage.local.
 * v2: serverUrl normalized like serverUrlItem.
 */
export const sessionItem = storage.defineItem<Omit<StoredSession, 'access'> | null>('local:session', {
  fallback: null,
  version: 2,
  migrations: {
    2: (session: Omit<StoredSession, 'access'> | null) => session && { ...session, serverUrl: normalizeServerUrl(session.serverUrl) },
  },
});

/**
 * The current access token, in storage.session (memory only, cleared with the browser, not readable
 * by content scripts), tagged with the refresh token it belongs to: a service worker restarted
 * within the token's life resumes without spending (and rotating) the refresh token.
 */
export const accessItem = storage.defineItem<(AccessGrant & { refreshToken: string }) | null>('session:access', { fallback: null });

/**
 * The background's connection state for every page to show. storage.session: it describes this
 * browser run only, and content scripts cannot read it.
 */
export const connectionItem = storage.defineItem<ConnectionState>('session:connection', {
  fallback: { status: 'signed-out' },
});

/** A conversation to show in the next panel that opens (a notification was clicked while none was open). */
export const panelRequestItem = storage.defineItem<{ conversationId: string } | null>('session:panelRequest', { fallback: null });

// The agent's preferences (see utils/model/preferences.ts for their schemas and defaults).
export const alertToneItem = storage.defineItem<AlertTone>('local:alertTone', { fallback: DEFAULT_ALERT_TONE, version: 1 });
export const smsSplittingItem = storage.defineItem<SmsSplitting>('local:smsSplitting', { fallback: DEFAULT_SMS_SPLITTING, version: 1 });
export const notificationRulesItem = storage.defineItem<NotificationRules>('local:notificationRules', {
  fallback: DEFAULT_NOTIFICATION_RULES,
  version: 1,
});
