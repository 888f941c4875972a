import { getConversation, latestConversationWith, markConversationRead, upsertConversation } from '../db/conversations';
import type { ParleyDb } from '../db/database';
import { upsertMessage } from '../db/messages';
import { storeReceipts } from '../db/receipts';
import { claimStore, getCursor } from '../db/meta';
import type { Agent } from '../model/agent';
import type { ConnectionState } from '../model/connection';
import { DEFAULT_SMS_SPLITTING, readPreference, SmsSplittingSchema } from '../model/preferences';
import type { Credentials, PbxConnector, StoredSession } from '../pbx/connector';
import { isPbxError, PbxError } from '../pbx/errors';
import { nextSessionState, type SessionInput } from '../session/machine';
import { accessItem, connectionItem, extensionItem, normalizeServerUrl, serverUrlItem, sessionItem, smsSplittingItem, StoredSessionSchema } from '../settings';
import { splitForSending } from '../sms/segments';
import type { Arrival } from '../sync/apply-events';
import type { SyncEngine } from '../sync/engine';
import { syncFrom } from '../sync/link';
import { Outbox, type OutboxOptions } from '../sync/outbox';
import { indexMissingWords } from '../sync/word-indexer';

export interface ServiceOptions {
  /** New inbound messages, once stored (notifications, tone). */
  onArrivals?: (arrivals: Arrival[]) => void;
  outbox?: OutboxOptions;
}

/**
 * The background's one PBX session, serving every tab and window: signs in, keeps the event stream
 * running into Dexie, resends the outbox when the stream is back, and runs the pages' commands. It
 * keeps nothing it cannot lose: the session is in storage (refresh token in storage.local, access
 * token and state in storage.session), events and replies in Dexie, so a service worker stopped at
 * any moment resumes where it left off. The entrypoint only wires it.
 */
export class ParleyService {
  private current: ConnectionState = { status: 'signed-out' };
  /** A session was started by this worker instance (a restarted worker starts with none). */
  private running = false;
  private resuming: Promise<void> | null = null;
  private indexing: Promise<unknown> | null = null;
  private stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly engine: SyncEngine;
  private readonly outbox: Outbox;

  constructor(
    private readonly db: ParleyDb,
    private readonly connector: PbxConnector,
    options: ServiceOptions = {},
  ) {
    this.outbox = new Outbox(db, connector, options.outbox);
    this.engine = syncFrom(connector, db, {
      onFailure: (error) => {
        if (!this.running) return;
        console.error('[parley] could not store events; resuming from the stored cursor', error);
        getCursor(db).then(
          (cursor) => this.running && connector.sync(cursor),
          (readError: unknown) => console.error('[parley] could not read the stored cursor', readError),
        );
      },
      onArrivals: options.onArrivals,
      onCaughtUp: () => {
        void this.outbox.flush();
        this.indexWords();
      },
    });
    connector.on('connection', (state) => this.move({ type: 'report', state }));
    connector.on('session', (session) => void this.keepSession(session));
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Calls `listener` on every state change (the toolbar badge). */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Resumes the stored session: at browser start, at every service-worker start, and from the
   * watchdog alarm. A no-op while this worker already runs a session.
   */
  resume(): Promise<void> {
    // Single-flight: the start-up call, the watchdog alarm and a panel's "Retry now" can coincide.
    this.resuming ??= this.resumeStored().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async resumeStored(): Promise<void> {
    if (this.running) return;
    const stored = StoredSessionSchema.nullable().safeParse(await sessionItem.getValue());
    if (!stored.success || !stored.data) {
      this.move({ type: 'sign-out' });
      return;
    }
    const session = stored.data;
    const access = await accessItem.getValue();
    this.running = true;
    this.move({ type: 'resume' });
    const grant = access?.refreshToken === session.refreshToken ? { accessToken: access.accessToken, renewAt: access.renewAt } : undefined;
    await this.connector.connect({ ...session, access: grant }, await getCursor(this.db));
  }

  async connect(credentials: Credentials): Promise<Agent> {
    const serverUrl = normalizeServerUrl(credentials.serverUrl);
    const session = await this.connector.login({ ...credentials, serverUrl });
    // Events still queued from a previous session must not land in the store the new owner claims.
    this.engine.clear();
    await this.engine.idle();
    await claimStore(this.db, `${session.agent.id}@${serverUrl}`);
    await Promise.all([this.keepSession(session), serverUrlItem.setValue(serverUrl), extensionItem.setValue(credentials.extension)]);
    this.running = true;
    this.move({ type: 'sign-in' });
    await this.connector.connect(session, await getCursor(this.db));
    return session.agent;
  }

  /** Signs out; resolves once nothing of the session is still being written. */
  async disconnect(): Promise<void> {
    this.endSession();
    this.connector.disconnect();
    this.move({ type: 'sign-out' });
    await Promise.all([sessionItem.setValue(null), accessItem.setValue(null), this.engine.idle(), this.outbox.idle()]);
  }

  /** "Retry now": skips the reconnect delay, or starts the stored session if this worker has none. */
  async reconnectNow(): Promise<void> {
    if (this.running) this.connector.reconnectNow();
    else await this.resume();
  }

  /**
   * Find-or-create through the server, stored before the panel looks for it. When the server cannot
   * be reached, a conversation with that number already in the store opens instead, so the agent
   * can read the history and queue a reply.
   */
  async openNumber(number: string): Promise<string> {
    try {
      const conversation = await this.connector.openConversation(number);
      await upsertConversation(this.db, conversation);
      return conversation.id;
    } catch (error) {
      const known = isPbxError(error, 'unreachable') ? await latestConversationWith(this.db, number) : undefined;
      if (known) return known.id;
      throw error;
    }
  }

  /**
   * Backfills a thread the event backlog did not bring (e.g. opened from another agent's number),
   * with the read marks given before this client was listening (events bring the later ones).
   */
  async loadMessages(conversationId: string): Promise<void> {
    if (!(await getConversation(this.db, conversationId))) return;
    const [messages, receipts] = await Promise.all([this.connector.listMessages(conversationId), this.connector.receipts(conversationId)]);
    for (const message of messages) await upsertMessage(this.db, message);
    await storeReceipts(this.db, receipts);
  }

  /** Queues a reply (split into parts of at most 140 characters when the agent wants SMS split); replying reads the conversation. */
  async sendReply(conversationId: string, body: string): Promise<string[]> {
    const [conversation, splitting] = await Promise.all([
      getConversation(this.db, conversationId),
      smsSplittingItem.getValue().then((value) => readPreference(SmsSplittingSchema, value, DEFAULT_SMS_SPLITTING)),
    ]);
    if (!conversation) throw new PbxError('rejected', 'This conversation is not in the inbox');
    const bodies = splitting.enabled && conversation.type === 'sms' ? splitForSending(body) : [body];
    const rows = await this.outbox.queue(conversationId, bodies);
    await markConversationRead(this.db, conversationId);
    return rows.map((row) => row.id);
  }

  async retryMessage(messageId: string): Promise<string> {
    const row = await this.outbox.retry(messageId);
    if (!row) throw new PbxError('rejected', 'There is no failed message to retry');
    return row.id;
  }

  async deleteMessage(messageId: string): Promise<void> {
    if (!(await this.outbox.remove(messageId))) throw new PbxError('rejected', 'Only a failed message can be deleted');
  }

  /** Locally at once (badge, list); then the PBX, so colleagues see "✓ Read by …" (best effort: the next read moves it again). */
  async markRead(conversationId: string): Promise<void> {
    await markConversationRead(this.db, conversationId);
    this.connector.markRead(conversationId).catch((error: unknown) => console.warn('[parley] could not send the read mark', error));
  }

  /** The search words of a history imported before the store caught up (single-flight; a no-op once done). */
  private indexWords(): void {
    this.indexing ??= indexMissingWords(this.db)
      .catch((error: unknown) => console.warn('[parley] could not index the history for search', error))
      .finally(() => {
        this.indexing = null;
      });
  }

  private move(input: SessionInput): void {
    const next = nextSessionState(this.current, input);
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    void connectionItem.setValue(next);
    if (next.status === 'auth-failed') {
      // The PBX rejected the session: the agent must sign in again; nothing stored is usable.
      this.endSession();
      void Promise.all([sessionItem.setValue(null), accessItem.setValue(null)]);
    }
    for (const listener of this.stateListeners) listener(next);
  }

  private endSession(): void {
    this.running = false;
    this.outbox.stop();
    this.engine.clear();
  }

  /** The refresh token goes to storage.local; the access token only to storage.session. */
  private async keepSession({ access, ...session }: StoredSession): Promise<void> {
    await Promise.all([sessionItem.setValue(session), accessItem.setValue(access ? { ...access, refreshToken: session.refreshToken } : null)]);
  }
}
