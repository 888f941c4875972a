import ky, { HTTPError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { z as zod } from 'zod';
import type { CallerId, ContactNumber, ContactSuggestion } from '../../model/contact';
import type { AgentRef, Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import type { GroupPresence, GroupSummary, TransferTarget } from '../../model/queue';
import type { ReadReceipt } from '../../model/receipt';
import type { Template } from '../../model/template';
import type { ConversationBot } from '../../model/bot';
import type { ChatAdditions, GroupChatDraft, PresenceChange } from '../connector';
import { PbxError } from '../errors';
import { toConversation, toMessage, toReceipt } from './mapping';
import {
  WireAgentRefList,
  WireContactOne,
  WireConversationList,
  WireConversationOne,
  WireError,
  WireGroups,
  WireMessageList,
  WireMessageOne,
  WireNumbers,
  WirePresence,
  WireReceipts,
  WireResolved,
  WireSuggestions,
  WireTemplates,
  WireBots,
  WireTokens,
} from './wire';

/** A 204 answer (leave): nothing to read. */
const NoContent = zod.unknown();

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

  async openConversation(token: TokenSource, customerNumber: string, fromNumber?: string): Promise<Conversation> {
    const json = fromNumber ? { customerNumber, fromNumber } : { customerNumber };
    const body = await this.authed(token, WireConversationOne, (h) => this.http.post('conversations', { headers: h, json }));
    return toConversation(body.conversation);
  }

  /** claim | release | close: each answers with the conversation afterwards. */
  async queueControl(token: TokenSource, conversationId: string, action: 'claim' | 'release' | 'close'): Promise<Conversation> {
    return this.conversationCall(token, 'post', `${conversationPath(conversationId)}/${action}`);
  }

  transfer(token: TokenSource, conversationId: string, target: TransferTarget): Promise<Conversation> {
    return this.conversationCall(token, 'post', `${conversationPath(conversationId)}/transfer`, target);
  }

  openDirect(token: TokenSource, extension: string): Promise<Conversation> {
    return this.conversationCall(token, 'post', 'conversations/direct', { extension });
  }

  openGroup(token: TokenSource, draft: GroupChatDraft): Promise<Conversation> {
    return this.conversationCall(token, 'post', 'conversations/group', draft);
  }

  rename(token: TokenSource, conversationId: string, title: string): Promise<Conversation> {
    return this.conversationCall(token, 'patch', conversationPath(conversationId), { title });
  }

  addParticipants(token: TokenSource, conversationId: string, additions: ChatAdditions): Promise<Conversation> {
    return this.conversationCall(token, 'post', `${conversationPath(conversationId)}/participants`, additions);
  }

  async leave(token: TokenSource, conversationId: string): Promise<void> {
    await this.authed(token, NoContent, (h) => this.http.post(`${conversationPath(conversationId)}/leave`, { headers: h }));
  }

  async markRead(token: TokenSource, conversationId: string, messageId?: string): Promise<void> {
    await this.authed(token, WireConversationOne, (h) => this.http.post(`${conversationPath(conversationId)}/read`, { headers: h, json: messageId ? { messageId } : {} }));
  }

  async receipts(token: TokenSource, conversationId: string): Promise<ReadReceipt[]> {
    const body = await this.authed(token, WireReceipts, (h) => this.http.get(`${conversationPath(conversationId)}/receipts`, { headers: h }));
    return body.receipts.map((receipt) => toReceipt(conversationId, receipt));
  }

  async listGroups(token: TokenSource): Promise<GroupSummary[]> {
    return (await this.authed(token, WireGroups, (h) => this.http.get('groups', { headers: h }))).groups;
  }

  async setPresence(token: TokenSource, groupId: string, change: PresenceChange): Promise<GroupPresence> {
    const path = `groups/${encodeURIComponent(groupId)}/${change.action}`;
    const options = change.action === 'pause' ? { json: { reason: change.reason } } : {};
    return (await this.authed(token, WirePresence, (h) => this.http.post(path, { headers: h, ...options }))).presence;
  }

  async listAgents(token: TokenSource): Promise<AgentRef[]> {
    const body = await this.authed(token, WireAgentRefList, (h) => this.http.get('agents', { headers: h }));
    return body.agents.map(({ id, extension, name }) => ({ id, extension, name }));
  }

  async callerIds(token: TokenSource): Promise<CallerId[]> {
    return (await this.authed(token, WireNumbers, (h) => this.http.get('numbers', { headers: h }))).numbers;
  }

  async suggestContacts(token: TokenSource, query: string): Promise<ContactSuggestion[]> {
    const body = await this.authed(token, WireSuggestions, (h) => this.http.get('contacts/suggest', { headers: h, searchParams: { q: query, limit: 20 } }));
    return body.suggestions;
  }

  /** The phonebook entry behind a number, with all its numbers (the destination picker); null when none. */
  async contactOf(token: TokenSource, number: string): Promise<{ name: string; numbers: ContactNumber[] } | null> {
    const resolved = await this.authed(token, WireResolved, (h) => this.http.get('contacts/resolve', { headers: h, searchParams: { number } }));
    if (!resolved.contactId) return null;
    const { contact } = await this.authed(token, WireContactOne, (h) => this.http.get(`contacts/${encodeURIComponent(resolved.contactId!)}`, { headers: h }));
    return { name: contact.name, numbers: contact.numbers };
  }

  async sharedTemplates(token: TokenSource): Promise<Template[]> {
    const body = await this.authed(token, WireTemplates, (h) => this.http.get('templates', { headers: h }));
    return body.templates.map((template) => ({ ...template, scope: 'shared' as const }));
  }

  async conversationBots(token: TokenSource, conversationId: string): Promise<ConversationBot[]> {
    const body = await this.authed(token, WireBots, (h) => this.http.get(`${conversationPath(conversationId)}/bots`, { headers: h }));
    return body.bots.map(({ id, name, routed }) => ({ id, name, routed }));
  }

  async removeBot(token: TokenSource, conversationId: string, botId: string): Promise<ConversationBot[]> {
    const path = `${conversationPath(conversationId)}/bots/${encodeURIComponent(botId)}`;
    const body = await this.authed(token, WireBots, (h) => this.http.delete(path, { headers: h }));
    return body.bots.map(({ id, name, routed }) => ({ id, name, routed }));
  }

  private async conversationCall(token: TokenSource, method: 'post' | 'patch', path: string, json?: object): Promise<Conversation> {
    const body = await this.authed(token, WireConversationOne, (h) => this.http(path, { method, headers: h, ...(json ? { json } : {}) }));
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
    const parsed = schema.safeParse(response.status === 204 ? null : await response.json());
    if (!parsed.success) throw new PbxError('rejected', `Unexpected response from the server: ${parsed.error.message}`);
    return parsed.data;
  }
}

const conversationPath = (id: string) => `conversations/${encodeURIComponent(id)}`;

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
