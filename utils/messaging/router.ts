import { browser } from 'wxt/browser';
import { createMessageRouter, type Handlers, type Schemas } from './message-router';
import type { Receiver } from './names';

export type { Handlers, Schemas } from './message-router';

/**
 * A runtime's single entry point for protocol messages. runtime.sendMessage reaches every extension
 * page, so a message addressed to another runtime is not ours to answer: it gets `undefined` at
 * once (a listener returning a promise would answer it, and the first answer wins). For our own
 * messages: parses the envelope and the payload, checks that the sender may send this message, then
 * runs its handler. A malformed message or an unexpected sender is dropped with a log line and no
 * reply, so a hostile page learns nothing.
 */
export function createRouter<R extends Receiver>(
  receiver: R,
  schemas: Schemas<R>,
  handlers: Handlers<R>,
  extensionId = browser.runtime.id,
  extensionBaseUrl = browser.runtime.getURL('/'),
) {
  return createMessageRouter(receiver, schemas, handlers, extensionId, extensionBaseUrl);
}
