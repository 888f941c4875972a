import type { Browser } from 'wxt/browser';

/**
 * The extension API as the CRM page scripts use it, without webextension-polyfill (~3 KB gzip in
 * every CRM page): Firefox's own `browser` where it exists, else Chrome's `chrome`, whose MV3
 * runtime.sendMessage returns a promise too. Replies to incoming messages go through
 * sendResponse, which both browsers support (a listener returning a promise is Firefox-only).
 */
interface PageApi {
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: PageListener): void;
      removeListener(listener: PageListener): void;
    };
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
}

type PageListener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => boolean;

const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
const api = (): PageApi => (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;

/** This extension's id; undefined once the extension was reloaded or removed under the page. */
export const extensionId = (): string | undefined => api().runtime?.id;

export const extensionUrl = (path: string): string => api().runtime.getURL(path);

/** Sends a protocol message (`<from>→<to>:<verb>`) to the background. */
export const sendToBackground = (name: string, payload: object): Promise<unknown> => api().runtime.sendMessage({ name, payload });

/** A user-facing string (public/_locales), like utils/i18n's `t`: a missing key shows the key. */
export function t(key: string, substitutions?: string | string[]): string {
  return api().i18n.getMessage(key, substitutions) || key;
}

/**
 * Listens to runtime messages with a router's answer: undefined leaves the message to another
 * listener, a promise answers it. Returns the function that stops listening.
 */
export function onRuntimeMessage(route: (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined): () => void {
  const listener: PageListener = (message, sender, sendResponse) => {
    const reply = route(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  api().runtime.onMessage.addListener(listener);
  return () => api().runtime.onMessage.removeListener(listener);
}
