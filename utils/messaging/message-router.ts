import type { Browser } from 'wxt/browser';
import { isPbxError } from '../pbx/errors';
import { allowedSender, receiverOf, type Receiver } from './names';
import type { MessageName, MessageTo, Reply, RequestOf, ResponseOf } from './protocol';
import { senderKind } from './sender';

export type Handlers<R extends Receiver = 'bg'> = {
  [N in MessageTo<R>]: (request: RequestOf<N>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<N>>;
};

type RequestSchema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { message: string } } };
/** The request schemas a receiver validates with: the protocol's entries for its messages (zod, or equivalent guards). */
export type Schemas<R extends Receiver> = { readonly [N in MessageTo<R>]: { readonly request: RequestSchema } };

/** `{ name, payload }`, the shape of every protocol message, checked before anything reads it. */
function envelopeOf(message: unknown): { name: string; payload: unknown } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  return typeof name === 'string' ? { name, payload } : undefined;
}

/**
 * A runtime's single entry point for protocol messages (router.ts explains the rules), with the
 * extension's id and base URL given: no extension API import, so the CRM page scripts can use it
 * without webextension-polyfill.
 */
export function createMessageRouter<R extends Receiver>(receiver: R, schemas: Schemas<R>, handlers: Handlers<R>, extensionId: string, extensionBaseUrl: string) {
  const known = schemas as unknown as Record<string, { request: RequestSchema }>;
  const handle = handlers as unknown as Record<string, (request: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>>;
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    const envelope = envelopeOf(message);
    if (!envelope || !envelope.name.includes('→')) {
      console.warn('[parley] rejected a malformed message', { from: sender.url });
      return undefined;
    }
    const name = envelope.name;
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
    const request = known[name]!.request.safeParse(envelope.payload);
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
