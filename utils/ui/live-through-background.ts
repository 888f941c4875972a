import { browser, type Browser } from 'wxt/browser';
import type { LiveQueryName } from '../db/live-queries';
import { LIVE_PORT_NAME, LiveUpdateSchema, type LiveRequest } from '../messaging/live-port';

type Connect = () => Pick<Browser.runtime.Port, 'postMessage' | 'onMessage' | 'onDisconnect'>;
interface Watch {
  query: LiveQueryName;
  args: unknown[];
  onValue: (value: unknown) => void;
}

/**
 * The panel's side of the live-query port. One port per page, opened on first use; when it drops
 * (the service worker was stopped), it reconnects and re-sends every watch, so views keep updating.
 */
export function createBackgroundLiveQueries(connect: Connect = () => browser.runtime.connect({ name: LIVE_PORT_NAME })) {
  const watches = new Map<number, Watch>();
  let nextId = 0;
  let port: ReturnType<Connect> | undefined;

  const send = (request: LiveRequest) => ensurePort().postMessage(request);

  function ensurePort(): ReturnType<Connect> {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((message: unknown) => {
      const update = LiveUpdateSchema.safeParse(message);
      if (!update.success) return;
      if ('error' in update.data) {
        console.error('[parley] live query failed in the background', update.data.error);
        return;
      }
      watches.get(update.data.id)?.onValue(update.data.value);
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      if (watches.size > 0) for (const [id, watch] of watches) send({ op: 'watch', id, query: watch.query, args: watch.args });
    });
    port = opened;
    return opened;
  }

  return function watch(query: LiveQueryName, args: unknown[], onValue: (value: unknown) => void): () => void {
    const id = nextId++;
    watches.set(id, { query, args, onValue });
    send({ op: 'watch', id, query, args });
    return () => {
      watches.delete(id);
      if (port) send({ op: 'unwatch', id });
    };
  };
}
