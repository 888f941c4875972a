import { browser } from 'wxt/browser';
import { protocol, ReplyErrorSchema, type MessageName, type ReplyError, type RequestOf, type ResponseOf } from './protocol';

export class RequestFailed extends Error {
  constructor(readonly error: ReplyError) {
    super(error.message);
    this.name = 'RequestFailed';
  }
}

/** Sends a protocol message to the extension's own runtimes (background, offscreen) and returns its validated response. */
export async function request<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  return parseReply(name, await browser.runtime.sendMessage({ name, payload }));
}

/** Sends a protocol message to the content script in one tab (rejects when none listens there). */
export async function requestTab<N extends MessageName>(tabId: number, name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  return parseReply(name, await browser.tabs.sendMessage(tabId, { name, payload }));
}

function parseReply<N extends MessageName>(name: N, reply: unknown): ResponseOf<N> {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return protocol[name].response.parse(reply.value) as ResponseOf<N>;
    if (reply.ok === false && 'error' in reply) throw new RequestFailed(ReplyErrorSchema.parse(reply.error));
  }
  throw new RequestFailed({ code: 'internal', message: `No valid reply to ${name}` });
}
