import type { Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import type { TransferTarget } from '../../model/queue';
import type { ChatAdditions, Credentials, GroupChatDraft, PbxCapabilities, PbxConnector, PbxConnectorEvents, PresenceChange, StoredSession } from '../connector';
import { Emitter } from '../emitter';
import { PbxError } from '../errors';
import { eventsUrl } from './cursor';
import { EventStream } from './event-stream';
import { toPbxEvent } from './mapping';
import { ParleyRest, type FetchLike } from './rest';
import { TokenKeeper, type TokenState } from './tokens';

export interface ParleyConnectorOptions {
  fetch?: FetchLike;
  createSocket?: (url: string) => WebSocket;
}

/** The connector for Parley's reference server (contract v1 plus its queue, chat and read-state routes). */
export class ParleyConnector implements PbxConnector {
  readonly capabilities: PbxCapabilities = { channels: ['sms', 'whatsapp'], resumableEvents: true, idempotentSend: true };

  private emitter = new Emitter<PbxConnectorEvents>();
  private rest: ParleyRest | null = null;
  private serverUrl = '';
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private tokens = new TokenKeeper(
    (refreshToken) => this.api().refresh(refreshToken),
    (state) => this.renewed(state),
  );
  private stream = new EventStream({
    url: async (cursor, force) => eventsUrl(this.serverUrl, cursor, await this.tokens.accessToken(force)),
    onEvent: (frame) => this.emitter.emit('event', toPbxEvent(frame)),
    onSynced: (cursor) => this.emitter.emit('synced', { cursor }),
    onState: (state) => {
      if (state.status === 'auth-failed') this.stopSession();
      this.emitter.emit('connection', state);
    },
    createSocket: (url) => (this.options.createSocket ?? ((u) => new WebSocket(u)))(url),
  });

  constructor(private readonly options: ParleyConnectorOptions = {}) {}

  on: PbxConnector['on'] = (kind, listener) => this.emitter.on(kind, listener);

  async login({ serverUrl, extension, password }: Credentials): Promise<StoredSession> {
    const tokens = await new ParleyRest(serverUrl, this.options.fetch).login(extension, password);
    // Keep the fresh access token so the connect() that follows does not spend a refresh at once.
    this.stopSession();
    this.useServer(serverUrl);
    const state = this.tokens.adopt(tokens);
    this.scheduleRenewal(state);
    return toSession(serverUrl, state);
  }

  async connect(session: StoredSession, cursor: number): Promise<void> {
    this.stream.stop();
    const sameSession = this.serverUrl === session.serverUrl && this.tokens.current?.refreshToken === session.refreshToken;
    if (!sameSession) {
      this.stopSession();
      this.useServer(session.serverUrl);
      const state = this.tokens.resume(session.refreshToken, session.agent, session.access);
      if (state.accessToken) this.scheduleRenewal(state);
    }
    this.stream.start(cursor);
  }

  disconnect(): void {
    this.stopSession();
    this.emitter.emit('connection', { status: 'signed-out' });
  }

  sync(cursor: number): void {
    this.stream.start(cursor);
  }

  reconnectNow(): void {
    this.stream.retryNow();
  }

  pauseEvents(): void {
    this.stream.pause();
  }

  resumeEvents(): void {
    this.stream.resume();
  }

  listConversations(): Promise<Conversation[]> {
    return this.api().listConversations(this.token);
  }

  listMessages(conversationId: string): Promise<Message[]> {
    return this.api().listMessages(this.token, conversationId);
  }

  openConversation(customerNumber: string, fromNumber?: string): Promise<Conversation> {
    return this.api().openConversation(this.token, customerNumber, fromNumber);
  }

  claim(conversationId: string) {
    return this.api().queueControl(this.token, conversationId, 'claim');
  }

  release(conversationId: string) {
    return this.api().queueControl(this.token, conversationId, 'release');
  }

  close(conversationId: string) {
    return this.api().queueControl(this.token, conversationId, 'close');
  }

  transfer(conversationId: string, target: TransferTarget) {
    return this.api().transfer(this.token, conversationId, target);
  }

  listGroups() {
    return this.api().listGroups(this.token);
  }

  setPresence(groupId: string, change: PresenceChange) {
    return this.api().setPresence(this.token, groupId, change);
  }

  openDirect(extension: string) {
    return this.api().openDirect(this.token, extension);
  }

  openGroup(draft: GroupChatDraft) {
    return this.api().openGroup(this.token, draft);
  }

  rename(conversationId: string, title: string) {
    return this.api().rename(this.token, conversationId, title);
  }

  addParticipants(conversationId: string, additions: ChatAdditions) {
    return this.api().addParticipants(this.token, conversationId, additions);
  }

  leave(conversationId: string) {
    return this.api().leave(this.token, conversationId);
  }

  markRead(conversationId: string, messageId?: string) {
    return this.api().markRead(this.token, conversationId, messageId);
  }

  receipts(conversationId: string) {
    return this.api().receipts(this.token, conversationId);
  }

  listAgents() {
    return this.api().listAgents(this.token);
  }

  callerIds() {
    return this.api().callerIds(this.token);
  }

  suggestContacts(query: string) {
    return this.api().suggestContacts(this.token, query);
  }

  contactOf(number: string) {
    return this.api().contactOf(this.token, number);
  }

  sharedTemplates() {
    return this.api().sharedTemplates(this.token);
  }

  conversationBots(conversationId: string) {
    return this.api().conversationBots(this.token, conversationId);
  }

  removeBot(conversationId: string, botId: string) {
    return this.api().removeBot(this.token, conversationId, botId);
  }

  send(conversationId: string, body: string, idempotencyKey: string): Promise<Message> {
    return this.api().send(this.token, conversationId, body, idempotencyKey);
  }

  private token = (force: boolean) => this.tokens.accessToken(force);

  private api(): ParleyRest {
    if (!this.rest) throw new PbxError('unauthorized', 'Not connected');
    return this.rest;
  }

  private useServer(serverUrl: string): void {
    this.serverUrl = serverUrl;
    this.rest = new ParleyRest(serverUrl, this.options.fetch);
  }

  private stopSession(): void {
    clearTimeout(this.refreshTimer);
    this.stream.stop();
    this.tokens.clear();
  }

  /** Rotated refresh tokens must be persisted, or the next browser start cannot resume. */
  private renewed(state: TokenState): void {
    this.emitter.emit('session', toSession(this.serverUrl, state));
    this.scheduleRenewal(state);
  }

  /** Renew ahead of expiry so REST calls rarely meet a 401. */
  private scheduleRenewal(state: TokenState): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.tokens.refresh().catch(() => {
        // A failed early renewal is not fatal: the next REST call or socket open renews on demand.
      });
    }, Math.max(0, state.renewAt - Date.now()));
  }
}

function toSession(serverUrl: string, state: TokenState): StoredSession {
  return { serverUrl, refreshToken: state.refreshToken, agent: state.agent, access: { accessToken: state.accessToken, renewAt: state.renewAt } };
}
