import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';
import { agentRef, findAgentByExtension, type AgentRow } from '../directory/agents';
import type { Emit, EventWriter } from '../events/unit-of-work';
import { conflict, forbidden, invalidField } from '../http/errors';
import type { AgentView, ConversationView } from '../http/schemas';
import { normalizeCustomerNumber } from '../phone/normalize';
import { resolveNumber } from '../contacts/store';
import { requireVisible } from './access';
import { chooseCallerId } from './caller-id';
import { chatText } from './chat-text';
import { addExternal, addMember, insertChatConversation, isMember, removeMember, updateConversation, type ConversationRecord } from './store';
import { appendSystemMessage, notifyMembers } from './timeline';
import { loadConversationView } from './views';

type Additions = { extensions?: readonly string[]; externalNumbers?: readonly string[] };

/**
 * Chats between extensions (seed 002 "Conversation Types"): direct 1:1 chats and named group chats
 * that may include external numbers (they get its messages as SMS, see relay.ts). Group chats can
 * be renamed, extended and left, each with a system line.
 */
export class ChatService {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock }) {}

  /** The one direct chat between the agent and a colleague (created on first use). */
  openDirect(agent: AgentView, extension: string): Promise<{ conversation: ConversationView; created: boolean }> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const other = await colleague(tx, extension, 'extension');
      if (other.id === agent.id) throw invalidField('extension', 'a direct chat needs another extension');
      const { conversation, created } = await insertChatConversation(tx, {
        type: 'direct',
        title: `${agent.name} & ${other.name}`,
        directKey: [agent.id, other.id].sort().join(':'),
        didNumber: null,
        createdByAgentId: agent.id,
        at,
      });
      if (created) {
        await addMember(tx, conversation.id, agent.id, at);
        await addMember(tx, conversation.id, other.id, at);
        await notifyMembers(tx, emit, conversation.id, (view) => ({ kind: 'conversation.updated', conversation: view }));
      }
      return { conversation: await loadConversationView(tx, conversation.id, agent.id), created };
    });
  }

  /**
   * A named group chat with colleagues and, optionally, external numbers texted from fromNumber
   * (default: the creator's first caller ID). Everything is checked before anything is stored.
   */
  createGroup(agent: AgentView, input: { title: string; fromNumber?: string } & Additions): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const additions = await this.checkAdditions(tx, input);
      const didNumber = additions.numbers.length > 0 || input.fromNumber ? (await chooseCallerId(tx, agent.id, input.fromNumber)).number : null;
      const { conversation } = await insertChatConversation(tx, { type: 'group', title: input.title, directKey: null, didNumber, createdByAgentId: agent.id, at });
      await addMember(tx, conversation.id, agent.id, at);
      const by = agentRef(agent);
      await appendSystemMessage(tx, emit, conversation.id, chatText.created(by, input.title), { type: 'chat.created', by, title: input.title }, at);
      await this.add(tx, emit, conversation.id, by, additions, at);
      return loadConversationView(tx, conversation.id, agent.id);
    });
  }

  rename(agent: AgentView, id: string, title: string): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      await this.requireGroupMember(tx, id, agent);
      await updateConversation(tx, id, { title });
      const by = agentRef(agent);
      await appendSystemMessage(tx, emit, id, chatText.renamed(by, title), { type: 'chat.renamed', by, title }, at);
      return loadConversationView(tx, id, agent.id);
    });
  }

  addParticipants(agent: AgentView, id: string, input: Additions): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const conversation = await this.requireGroupMember(tx, id, agent, { lines: true });
      const additions = await this.checkAdditions(tx, input);
      if (additions.agents.length === 0 && additions.numbers.length === 0) throw invalidField('extensions', 'name at least one extension or external number');
      if (conversation.type !== 'group' && additions.numbers.length > 0) throw invalidField('externalNumbers', 'a customer conversation takes colleagues only');
      // External numbers are texted from the group's line; the first one to need it picks the adder's caller ID.
      if (additions.numbers.length > 0 && !conversation.didNumber) await updateConversation(tx, id, { didNumber: (await chooseCallerId(tx, agent.id, undefined)).number });
      await this.add(tx, emit, id, agentRef(agent), additions, at);
      return loadConversationView(tx, id, agent.id);
    });
  }

  /**
   * The agent leaves a group chat or a customer conversation; the others see a system line, the
   * agent's sessions drop the conversation. An agent the number routes to is added back by the
   * customer's next text (routing/inbound.ts).
   */
  leave(agent: AgentView, id: string): Promise<void> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      await this.requireGroupMember(tx, id, agent, { lines: true });
      await removeMember(tx, id, agent.id);
      const me = agentRef(agent);
      await appendSystemMessage(tx, emit, id, chatText.left(me), { type: 'chat.member_left', agent: me }, at);
      emit([agent.id], { kind: 'conversation.removed', conversationId: id });
    });
  }

  /** lines: customer (SMS/WhatsApp) conversations qualify too (adding colleagues, leaving; seed 003). */
  private async requireGroupMember(tx: Queryable, id: string, agent: AgentView, opts: { lines?: boolean } = {}): Promise<ConversationRecord> {
    const conversation = await requireVisible(tx, id, agent, { forUpdate: true });
    const line = conversation.type === 'sms' || conversation.type === 'whatsapp';
    if (conversation.type !== 'group' && !(opts.lines && line)) throw conflict('only group chats and customer conversations have participants to manage');
    if (!(await isMember(tx, id, agent.id))) throw forbidden('you are not in this conversation');
    return conversation;
  }

  /** Resolves and validates additions; 400 names the first bad entry. */
  private async checkAdditions(tx: Queryable, input: Additions): Promise<{ agents: AgentRow[]; numbers: string[] }> {
    const agents: AgentRow[] = [];
    for (const [i, ext] of (input.extensions ?? []).entries()) agents.push(await colleague(tx, ext, `extensions.${i}`));
    const numbers = (input.externalNumbers ?? []).map((raw, i) => {
      const number = normalizeCustomerNumber(raw);
      if (!number) throw invalidField(`externalNumbers.${i}`, `${raw} is not a valid phone number`);
      return number;
    });
    return { agents, numbers: [...new Set(numbers)] };
  }

  private async add(tx: Queryable, emit: Emit, id: string, by: ReturnType<typeof agentRef>, additions: { agents: AgentRow[]; numbers: string[] }, at: Date) {
    for (const a of additions.agents) {
      if (!(await addMember(tx, id, a.id, at))) continue;
      const ref = agentRef(a);
      await appendSystemMessage(tx, emit, id, chatText.addedAgent(by, ref), { type: 'chat.member_added', by, agent: ref }, at);
    }
    for (const number of additions.numbers) {
      if (!(await addExternal(tx, id, number, at))) continue;
      const { name } = await resolveNumber(tx, number);
      await appendSystemMessage(tx, emit, id, chatText.addedNumber(by, number, name), { type: 'chat.member_added', by, number }, at);
    }
  }
}

async function colleague(db: Queryable, extension: string, field: string): Promise<AgentRow> {
  const agent = await findAgentByExtension(db, extension);
  if (!agent || !agent.active) throw invalidField(field, `no active agent with extension ${extension}`);
  return agent;
}
