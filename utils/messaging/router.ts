import { browser, type Browser } from 'wxt/browser';
import { isPbxError } from '../pbx/errors';
import { EnvelopeSchema } from './crm-protocol';
import { allowedSender, receiverOf, type Receiver } from './names';
import type { MessageName, MessageTo, Reply, RequestOf, ResponseOf } from './protocol';
import { senderKind } from './sender';

export type Handlers<R extends Receiver = 'bg'> = {
  [N in MessageTo<R>]: (request: RequestOf<N>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<N>>;
};

type RequestSchema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { message: string } } };
/** The request schemas a receiver validates with: the protocol's entries for its messages. */
export type Schemas<R extends Receiver> = { readonly [N in MessageTo<R>]: { readonly request: RequestSchema } };

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
  const known = schemas as unknown as Record<string, { request: RequestSchema }>;
  const handle = handlers as unknown as Record<string, (request: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>>;
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success || !envelope.data.name.includes('→')) {
      console.warn('[parley] rejected a malformed message', { from: sender.url });
      return undefined;
    }
    const name = envelope.data.name;
    if (receiverOf(name) !== receiver) return undefined;
    if (!Object.hasOwn(known, name) || !Object.hasOwn(handle, name)) {
      console.warn(`[parley] rejected an unknown message ${name}`, { from: sender.url });
      return undefined;
    }
    const kind = senderKind(sender, extensionId, extensionBaseUrl);
    if (kind !== allowedSender(name)) {
      console.warn(`[parley] rejected ${name} from an untrusted sender`, { id: sender.id, url: sender.url });
      return undefined;
    }
    const request = known[name]!.request.safeParse(envelope.data.payload);
    if (!request.success) {
      console.warn(`[parley] rejected ${name}: invalid payload`, request.error.message);
      return Promise.resolve({ ok: false, error: { code: 'invalid_request', message: request.error.message } });
    }
    return run(name as MessageName, () => handle[name]!(request.data, sender));
  };
}

async function run(name: MessageName, handle: () => Promise<unknown>): Promise<Reply<unknown>> {
  try {
    return { ok: true, value: await handle() };
  } catch (error) {
    if (isPbxError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[parley] ${name} failed`, error);
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
