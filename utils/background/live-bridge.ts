import { liveQuery, type Subscription } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { ParleyDb } from '../db/database';
import { runLiveQuery } from '../db/live-queries';
import { LIVE_PORT_NAME, LiveRequestSchema, type LiveUpdate } from '../messaging/live-port';
import { acceptExtensionPorts } from './extension-ports';

/** The part of a runtime port the bridge uses, so tests can hand it an in-memory one. */
export type LivePort = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

/**
 * Serves the panel's live queries over a port, for panels that cannot read IndexedDB themselves.
 * Only this extension's own pages may connect.
 */
export function serveLiveQueries(db: ParleyDb): void {
  acceptExtensionPorts(LIVE_PORT_NAME, (port) => serveLivePort(db, port));
}

/** One trusted port: every request validated, one subscription per watch id, all ended with the port. */
export function serveLivePort(db: ParleyDb, port: LivePort): void {
  const subscriptions = new Map<number, Subscription>();
  const post = (update: LiveUpdate) => port.postMessage(update);
  port.onMessage.addListener((message: unknown) => {
    const request = LiveRequestSchema.safeParse(message);
    if (!request.success) {
      console.warn('[parley] rejected a malformed live-query request', request.error.message);
      return;
    }
    const { id } = request.data;
    subscriptions.get(id)?.unsubscribe();
    subscriptions.delete(id);
    if (request.data.op === 'unwatch') return;
    const { query, args } = request.data;
    subscriptions.set(
      id,
      liveQuery(() => runLiveQuery(db, query, args)).subscribe({
        next: (value) => post({ id, value }),
        error: (error: unknown) => post({ id, error: error instanceof Error ? error.message : String(error) }),
      }),
    );
  });
  port.onDisconnect.addListener(() => {
    for (const subscription of subscriptions.values()) subscription.unsubscribe();
    subscriptions.clear();
  });
}
