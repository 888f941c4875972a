import { forgetConversations, getConversation, upsertConversation } from '../db/conversations';
import type { ParleyDb } from '../db/database';
import { replaceGroups, setGroupPresence } from '../db/groups';
import { deletePersonalTemplate, replaceSharedTemplates, savePersonalTemplate } from '../db/templates';
import type { ConversationBot } from '../model/bot';
import type { CallerId, ContactNumber, ContactSuggestion } from '../model/contact';
import type { AgentRef, Conversation, GroupRef } from '../model/conversation';
import type { GroupPresence, TransferTarget } from '../model/queue';
import type { ChatAdditions, GroupChatDraft, PbxConnector, PresenceChange } from '../pbx/connector';
import { isPbxError, PbxError } from '../pbx/errors';

/**
 * The workspace commands the panel and popup send the background: each goes to the PBX, and what
 * the PBX answers is stored at once (the event that follows changes nothing more), so the views,
 * reading Dexie, update without waiting for the event stream. Errors are the connector's
 * PbxErrors, whose message the panel shows ("claimed by Amy Santiago (202)").
 */
export class WorkspaceActions {
  constructor(
    private readonly db: ParleyDb,
    private readonly connector: PbxConnector,
    /** The signed-in agent's id (to leave them out of transfer targets and the directory). */
    private readonly agentId: () => Promise<string | null>,
  ) {
    // Each time the stream has caught up (sign-in, reconnect), the lists events do not carry are re-read.
    connector.on('synced', () => {
      this.refreshGroups().catch((error: unknown) => console.warn('[parley] could not read the groups', error));
      this.refreshSharedTemplates().catch((error: unknown) => console.warn('[parley] could not read the shared templates', error));
    });
  }

  claim(conversationId: string) {
    return this.stored(this.connector.claim(conversationId));
  }

  release(conversationId: string) {
    return this.stored(this.connector.release(conversationId));
  }

  close(conversationId: string) {
    return this.stored(this.connector.close(conversationId));
  }

  transfer(conversationId: string, target: TransferTarget) {
    return this.stored(this.connector.transfer(conversationId, target));
  }

  async transferTargets(): Promise<{ agents: AgentRef[]; groups: GroupRef[] }> {
    const [agents, groups] = await Promise.all([this.directory(), this.connector.listGroups()]);
    return { agents, groups: groups.map(({ id, kind, extension, name }) => ({ id, kind, extension, name })) };
  }

  /** Every other agent, by extension. */
  async directory(): Promise<AgentRef[]> {
    const [agents, me] = await Promise.all([this.connector.listAgents(), this.agentId()]);
    return agents.filter((agent) => agent.id !== me).sort((a, b) => a.extension.localeCompare(b.extension, undefined, { numeric: true }));
  }

  openDirect(extension: string) {
    return this.stored(this.connector.openDirect(extension));
  }

  openGroup(draft: GroupChatDraft) {
    return this.stored(this.connector.openGroup(draft));
  }

  openSms(number: string, fromNumber?: string) {
    return this.stored(this.connector.openConversation(number, fromNumber));
  }

  rename(conversationId: string, title: string) {
    return this.stored(this.connector.rename(conversationId, title));
  }

  addParticipants(conversationId: string, additions: ChatAdditions) {
    return this.stored(this.connector.addParticipants(conversationId, additions));
  }

  /** The chat leaves the sidebar at once; the PBX's conversation.removed event finds nothing more to do. */
  async leave(conversationId: string): Promise<void> {
    await this.connector.leave(conversationId);
    await forgetConversations(this.db, [conversationId]);
  }

  suggestContacts(query: string): Promise<ContactSuggestion[]> {
    return this.connector.suggestContacts(query);
  }

  /**
   * Seed 000: the numbers a reply can go to (the customer's contact entry, else just their number)
   * and the caller IDs it can come from (the agent's, on the conversation's channel). Chats
   * between agents have neither.
   */
  async sendOptions(conversationId: string): Promise<{ destinations: ContactNumber[]; callerIds: CallerId[] }> {
    const conversation = await getConversation(this.db, conversationId);
    if (!conversation) throw new PbxError('rejected', 'This conversation is not in the inbox');
    const channel = conversation.type;
    if ((channel !== 'sms' && channel !== 'whatsapp') || !conversation.customerNumber) return { destinations: [], callerIds: [] };
    const [contact, callerIds] = await Promise.all([this.connector.contactOf(conversation.customerNumber), this.connector.callerIds()]);
    const own = { number: conversation.customerNumber, label: '' };
    const destinations = contact?.numbers.some((entry) => entry.number === own.number) ? contact.numbers : [own, ...(contact?.numbers ?? [])];
    return { destinations, callerIds: callerIds.filter((callerId) => callerId.channel === channel) };
  }

  /** Nothing to store: the list is read when a thread opens; a removal's system line arrives as an event. */
  conversationBots(conversationId: string): Promise<ConversationBot[]> {
    return this.connector.conversationBots(conversationId);
  }

  removeBot(conversationId: string, botId: string): Promise<ConversationBot[]> {
    return this.connector.removeBot(conversationId, botId);
  }

  async saveTemplate(template: { id?: string; name: string; body: string }): Promise<string> {
    const id = template.id ?? `personal-${crypto.randomUUID()}`;
    if (!(await savePersonalTemplate(this.db, { id, name: template.name, body: template.body }))) {
      throw new PbxError('rejected', 'Shared templates are managed on the PBX');
    }
    return id;
  }

  async deleteTemplate(id: string): Promise<void> {
    if (!(await deletePersonalTemplate(this.db, id))) throw new PbxError('rejected', 'Only a personal template can be deleted');
  }

  async refreshGroups(): Promise<void> {
    await replaceGroups(this.db, await this.connector.listGroups());
  }

  async setPresence(groupId: string, change: PresenceChange): Promise<GroupPresence> {
    const presence = await this.connector.setPresence(groupId, change);
    await setGroupPresence(this.db, groupId, presence);
    return presence;
  }

  /** A PBX without shared templates (404) simply has none. */
  async refreshSharedTemplates(): Promise<void> {
    try {
      await replaceSharedTemplates(this.db, await this.connector.sharedTemplates());
    } catch (error) {
      if (!isPbxError(error, 'rejected')) throw error;
      await replaceSharedTemplates(this.db, []);
    }
  }

  private async stored(answer: Promise<Conversation>): Promise<string> {
    const conversation = await answer;
    await upsertConversation(this.db, conversation);
    return conversation.id;
  }
}
