import { browser, type Browser } from 'wxt/browser';
import { isPbxError } from '../pbx/errors';
import { EnvelopeSchema, allowedSender, protocol, type MessageName, type Reply, type RequestOf, type ResponseOf } from './protocol';
import { senderKind } from './sender';

export type Handlers = {
  [N in MessageName]: (request: RequestOf<N>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<N>>;
};

/**
 * The background's single entry point for runtime messages: parses the envelope and the payload,
 * checks that the sender may send this message, then runs its handler. Everything else is
 * dropped with a log line and no reply, so a hostile page learns nothing.
 */
export function createRouter(handlers: Handlers, extensionId = browser.runtime.id, extensionBaseUrl = browser.runtime.getURL('/')) {
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown> | undefined> => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.name)) {
      console.warn('[parley] rejected a malformed message', { from: sender.url });
      return undefined;
    }
    const name = envelope.data.name as MessageName;
    const kind = senderKind(sender, extensionId, extensionBaseUrl);
    if (kind !== allowedSender(name)) {
      console.warn(`[parley] rejected ${name} from an untrusted sender`, { id: sender.id, url: sender.url });
      return undefined;
    }
    const request = protocol[name].request.safeParse(envelope.data.payload);
    if (!request.success) {
      console.warn(`[parley] rejected ${name}: invalid payload`, request.error.message);
      return { ok: false, error: { code: 'invalid_request', message: request.error.message } };
    }
    try {
      const handler = handlers[name] as (request: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
      return { ok: true, value: await handler(request.data, sender) };
    } catch (error) {
      if (isPbxError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[parley] ${name} failed`, error);
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
