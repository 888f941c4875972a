import { browser } from 'wxt/browser';
import { protocol, ReplyErrorSchema, type MessageName, type ReplyError, type RequestOf, type ResponseOf } from './protocol';

export class RequestFailed extends Error {
  constructor(readonly error: ReplyError) {
    super(error.message);
    this.name = 'RequestFailed';
  }
}

/** Sends a protocol message to the background and returns its validated response. */
export async function request<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const reply: unknown = await browser.runtime.sendMessage({ name, payload });
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return protocol[name].response.parse(reply.value) as ResponseOf<N>;
    if (reply.ok === false && 'error' in reply) throw new RequestFailed(ReplyErrorSchema.parse(reply.error));
  }
  throw new RequestFailed({ code: 'internal', message: `No valid reply to ${name}` });
}
