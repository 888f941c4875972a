import type { Agent } from '../model/agent';
import type { ConnectionState } from '../model/connection';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';

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
  | { kind: 'checkpoint'; cursor: number };

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
  /** Find-or-create the agent's 1:1 conversation with a customer number. */
  openConversation(customerNumber: string): Promise<Conversation>;
  /** Safe to repeat: the same key yields the same message. */
  send(conversationId: string, body: string, idempotencyKey: string): Promise<Message>;
  on<K extends keyof PbxConnectorEvents>(kind: K, listener: (value: PbxConnectorEvents[K]) => void): () => void;
}
