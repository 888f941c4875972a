import type { Agent } from '../model/agent';
import type { ConnectionState } from '../model/connection';
import type { CallerId, ContactNumber, ContactSuggestion } from '../model/contact';
import type { AgentRef, Conversation, GroupRef } from '../model/conversation';
import type { Message } from '../model/message';
import type { GroupPresence, GroupSummary, TransferTarget } from '../model/queue';
import type { ReadReceipt } from '../model/receipt';
import type { Template } from '../model/template';
import type { ConversationBot } from '../model/bot';

/** What a PBX can do; the UI hides what a connector does not offer. */
export interface PbxCapabilities {
  channels: ReadonlyArray<'sms' | 'whatsapp'>;
  /** The PBX replays missed events from a cursor, so a reconnect needs no full resync. */
  resumableEvents: boolean;
  /** Sending the same idempotency key twice stores and sends the message once. */
  idempotentSend: boolean;
}

export interface Credentials {
  serverUrl: string;
  extension: string;
  password: string;
}

/**
 * A short-lived access token. Kept out of storage.local: the background holds it in
 * storage.session so a restarted service worker reuses it instead of spending a refresh token.
 */
export interface AccessGrant {
  accessToken: string;
  /** Epoch ms after which the token must be renewed before use. */
  renewAt: number;
}

/** What survives a browser restart: never the password. `access` is only ever kept in memory-backed storage. */
export interface StoredSession {
  serverUrl: string;
  refreshToken: string;
  agent: Agent;
  access?: AccessGrant;
}

/**
 * Every event carries the cursor to persist once it is applied. `checkpoint` changes no data: the
 * PBX sent something this client does not use (e.g. an event kind added after it was built), and
 * the cursor must still move past it.
 */
export type PbxEvent =
  | { kind: 'message'; cursor: number; message: Message; conversation: Conversation }
  | { kind: 'status'; cursor: number; message: Message }
  | { kind: 'conversation'; cursor: number; conversation: Conversation }
  /** The agent no longer sees the conversation (left a group chat). */
  | { kind: 'removed'; cursor: number; conversationId: string }
  /** An internal participant moved their read mark. */
  | { kind: 'receipt'; cursor: number; receipt: ReadReceipt }
  /** The agent's own presence in a group changed (from this or another session). */
  | { kind: 'presence'; cursor: number; group: GroupRef; presence: GroupPresence }
  | { kind: 'checkpoint'; cursor: number };

/** Extensions and external numbers to add to a group chat. */
export interface ChatAdditions {
  extensions?: string[];
  externalNumbers?: string[];
}
export interface GroupChatDraft extends ChatAdditions {
  title: string;
}
export type PresenceChange = { action: 'login' | 'logout' | 'resume' } | { action: 'pause'; reason: string };

export interface PbxConnectorEvents {
  /** Data events, delivered strictly in cursor order with no duplicates. */
  event: PbxEvent;
  /** The backlog after `sync(cursor)` has been replayed; live events follow. */
  synced: { cursor: number };
  connection: ConnectionState;
  /** The session was renewed (refresh tokens rotate), persist it; `access` goes to memory-backed storage only. */
  session: StoredSession;
}

export interface PbxConnector {
  readonly capabilities: PbxCapabilities;
  /** Exchanges a password for a session; the caller stores the session, never the password. */
  login(credentials: Credentials): Promise<StoredSession>;
  /** Resumes a stored session (refreshing its tokens) and starts events from `cursor`. */
  connect(session: StoredSession, cursor: number): Promise<void>;
  disconnect(): void;
  /** Restarts the event stream from `cursor` (e.g. after the local store was reset). */
  sync(cursor: number): void;
  /** Skips the remaining reconnect delay (the agent pressed "Retry now", or the network came back). */
  reconnectNow(): void;
  /**
   * Flow control for a large backlog: stop receiving events until resumeEvents(), which continues
   * after the last event delivered. The session stays up; the PBX keeps what follows.
   */
  pauseEvents(): void;
  resumeEvents(): void;
  listConversations(): Promise<Conversation[]>;
  listMessages(conversationId: string): Promise<Message[]>;
  /** Find-or-create the agent's 1:1 conversation with a customer number (from a chosen caller ID). */
  openConversation(customerNumber: string, fromNumber?: string): Promise<Conversation>;
  // Queues and ring groups: each answers with the conversation afterwards; a lost claim is a
  // `rejected` PbxError whose message names the winner ("claimed by Amy Santiago (202)").
  claim(conversationId: string): Promise<Conversation>;
  release(conversationId: string): Promise<Conversation>;
  close(conversationId: string): Promise<Conversation>;
  transfer(conversationId: string, target: TransferTarget): Promise<Conversation>;
  listGroups(): Promise<GroupSummary[]>;
  setPresence(groupId: string, change: PresenceChange): Promise<GroupPresence>;
  // Chats between agents (and external numbers).
  openDirect(extension: string): Promise<Conversation>;
  openGroup(draft: GroupChatDraft): Promise<Conversation>;
  rename(conversationId: string, title: string): Promise<Conversation>;
  addParticipants(conversationId: string, additions: ChatAdditions): Promise<Conversation>;
  leave(conversationId: string): Promise<void>;
  /** Moves the agent's read mark (to the newest message when none is named). */
  markRead(conversationId: string, messageId?: string): Promise<void>;
  receipts(conversationId: string): Promise<ReadReceipt[]>;
  // Directory and phonebook.
  listAgents(): Promise<AgentRef[]>;
  callerIds(): Promise<CallerId[]>;
  suggestContacts(query: string): Promise<ContactSuggestion[]>;
  contactOf(number: string): Promise<{ name: string; numbers: ContactNumber[] } | null>;
  sharedTemplates(): Promise<Template[]>;
  /** The bots taking part in a customer conversation. */
  conversationBots(conversationId: string): Promise<ConversationBot[]>;
  /** Takes a bot out of the conversation (for good, for a routed one); resolves to the bots left. */
  removeBot(conversationId: string, botId: string): Promise<ConversationBot[]>;
  /** Safe to repeat: the same key yields the same message. */
  send(conversationId: string, body: string, idempotencyKey: string): Promise<Message>;
  on<K extends keyof PbxConnectorEvents>(kind: K, listener: (value: PbxConnectorEvents[K]) => void): () => void;
}
