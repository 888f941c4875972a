import { getConversation, upsertConversation } from '../db/conversations';
import type { ParleyDb } from '../db/database';
import { upsertMessage } from '../db/messages';
import { claimStore, getCursor } from '../db/meta';
import type { Agent } from '../model/agent';
import type { Credentials, PbxConnector } from '../pbx/connector';
import { connectionItem, extensionItem, serverUrlItem, sessionItem } from '../settings';
import { Outbox } from '../sync/outbox';
import { SyncEngine } from '../sync/engine';

/**
 * The background's one PBX session: signs in, keeps the event stream running into Dexie, resends
 * the outbox when the stream is back, and serves the pages' commands. The entrypoint only wires it.
 */
export class ParleyService {
  private readonly engine: SyncEngine;
  private readonly outbox: Outbox;

  constructor(
    private readonly db: ParleyDb,
    private readonly connector: PbxConnector,
  ) {
    this.engine = new SyncEngine(db, (error) => {
      console.error('[parley] could not store events; resuming from the stored cursor', error);
      void getCursor(db).then((cursor) => connector.sync(cursor));
    });
    this.outbox = new Outbox(db, connector);
    connector.on('event', (event) => this.engine.push(event));
    connector.on('synced', () => void this.engine.idle().then(() => this.outbox.flush()));
    connector.on('connection', (state) => {
      void connectionItem.setValue(state);
      if (state.status === 'auth-failed') void sessionItem.setValue(null);
    });
    connector.on('session', (session) => void sessionItem.setValue(session));
  }

  /** Resumes a stored session (browser start, service-worker wake-up); no-op when signed out. */
  async resume(): Promise<void> {
    const session = await sessionItem.getValue();
    if (!session) {
      await connectionItem.setValue({ status: 'signed-out' });
      return;
    }
    await this.connector.connect(session, await getCursor(this.db));
  }

  async connect(credentials: Credentials): Promise<Agent> {
    const session = await this.connector.login(credentials);
    await claimStore(this.db, `${session.agent.id}@${session.serverUrl}`);
    await Promise.all([
      sessionItem.setValue(session),
      serverUrlItem.setValue(credentials.serverUrl),
      extensionItem.setValue(credentials.extension),
    ]);
    await this.connector.connect(session, await getCursor(this.db));
    return session.agent;
  }

  async disconnect(): Promise<void> {
    this.connector.disconnect();
    await sessionItem.setValue(null);
  }

  /** Find-or-create through the server, stored before the panel looks for it. */
  async openNumber(number: string): Promise<string> {
    const conversation = await this.connector.openConversation(number);
    await upsertConversation(this.db, conversation);
    return conversation.id;
  }

  /** Backfills a thread the event backlog did not bring (e.g. opened from another agent's number). */
  async loadMessages(conversationId: string): Promise<void> {
    if (!(await getConversation(this.db, conversationId))) return;
    for (const message of await this.connector.listMessages(conversationId)) await upsertMessage(this.db, message);
  }

  async sendReply(conversationId: string, body: string): Promise<string> {
    const row = await this.outbox.sendReply(conversationId, body);
    return row.id;
  }
}
