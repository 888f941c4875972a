import ky, { HTTPError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import { PbxError } from '../errors';
import { toConversation, toMessage } from './mapping';
import {
  WireConversationList,
  WireConversationOne,
  WireError,
  WireMessageList,
  WireMessageOne,
  WireTokens,
} from './wire';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Hands out a valid access token; `force` renews it after the server said 401. */
export type TokenSource = (force: boolean) => Promise<string>;

/**
 * The reference server's REST API, one method per route. Responses are validated with zod and
 * mapped to the domain model; failures become PbxErrors the UI can explain.
 */
export class ParleyRest {
  private http: KyInstance;

  constructor(serverUrl: string, fetchImpl?: FetchLike) {
    this.http = ky.create({
      prefixUrl: new URL('/v1/', serverUrl).toString(),
      timeout: 15_000,
      // Retries belong to the session (reconnect) and the outbox, which know what is safe to repeat.
      retry: 0,
      ...(fetchImpl ? { fetch: fetchImpl as typeof fetch } : {}),
    });
  }

  login(extension: string, password: string): Promise<z.infer<typeof WireTokens>> {
    return this.call(WireTokens, () => this.http.post('auth/login', { json: { extension, password } }));
  }

  refresh(refreshToken: string): Promise<z.infer<typeof WireTokens>> {
    return this.call(WireTokens, () => this.http.post('auth/refresh', { json: { refreshToken } }));
  }

  async listConversations(token: TokenSource): Promise<Conversation[]> {
    const body = await this.authed(token, WireConversationList, (h) => this.http.get('conversations', { headers: h, searchParams: { limit: 50 } }));
    return body.conversations.map(toConversation);
  }

  async listMessages(token: TokenSource, conversationId: string): Promise<Message[]> {
    const path = `conversations/${encodeURIComponent(conversationId)}/messages`;
    const body = await this.authed(token, WireMessageList, (h) => this.http.get(path, { headers: h, searchParams: { limit: 50 } }));
    return body.messages.map(toMessage);
  }

  async openConversation(token: TokenSource, customerNumber: string): Promise<Conversation> {
    const body = await this.authed(token, WireConversationOne, (h) => this.http.post('conversations', { headers: h, json: { customerNumber } }));
    return toConversation(body.conversation);
  }

  async send(token: TokenSource, conversationId: string, text: string, idempotencyKey: string): Promise<Message> {
    const path = `conversations/${encodeURIComponent(conversationId)}/messages`;
    const body = await this.authed(token, WireMessageOne, (h) => this.http.post(path, { headers: h, json: { body: text, idempotencyKey } }));
    return toMessage(body.message);
  }

  /** One retry with a renewed token when the access token expired between refreshes. */
  private async authed<S extends z.ZodType>(token: TokenSource, schema: S, request: (headers: Record<string, string>) => Promise<Response>): Promise<z.infer<S>> {
    const attempt = async (force: boolean) => this.call(schema, async () => request({ Authorization: `Bearer ${await token(force)}` }));
    try {
      return await attempt(false);
    } catch (error) {
      if (error instanceof PbxError && error.code === 'unauthorized') return attempt(true);
      throw error;
    }
  }

  private async call<S extends z.ZodType>(schema: S, request: () => Promise<Response>): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      throw await toPbxError(error);
    }
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new PbxError('rejected', `Unexpected response from the server: ${parsed.error.message}`);
    return parsed.data;
  }
}

async function toPbxError(error: unknown): Promise<PbxError> {
  if (!(error instanceof HTTPError)) {
    // fetch rejects (TypeError) on DNS, refused connections and CORS; ky adds TimeoutError.
    return new PbxError('unreachable', error instanceof Error ? error.message : String(error));
  }
  const body = WireError.safeParse(await error.response.json().catch(() => null));
  const detail = body.success ? body.data.error : { code: '', message: error.message, field: undefined };
  if (error.response.status === 401) {
    return new PbxError(detail.code === 'invalid_credentials' ? 'invalid_credentials' : 'unauthorized', detail.message);
  }
  if (error.response.status >= 500) return new PbxError('unreachable', detail.message);
  return new PbxError('rejected', detail.message, detail.field);
}
