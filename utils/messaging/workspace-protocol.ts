import { z } from 'zod';
import { CallerIdSchema, ContactNumberSchema, ContactSuggestionSchema } from '../model/contact';
import { AgentRefSchema, GroupRefSchema } from '../model/conversation';
import { GroupPresenceSchema, TransferTargetSchema } from '../model/queue';
import { TemplateSchema } from '../model/template';
import { ConversationBotSchema } from '../model/bot';

const conversationId = z.string().min(1).max(200);
const Ack = z.object({});
const ByConversation = z.object({ conversationId });
const Opened = z.object({ conversationId: z.string() });
const extensions = z.array(z.string().min(1).max(32)).max(100);
const externalNumbers = z.array(z.string().min(3).max(40)).max(50);
const Bots = z.object({ bots: z.array(ConversationBotSchema) });

/**
 * The panel's (and popup's) workspace commands to the background: queue and group-chat controls,
 * new chats, the directory and phonebook, templates and queue presence. Part of the one protocol
 * (protocol.ts); each is answered by the background after the PBX has (see workspace-actions.ts).
 */
export const workspaceProtocol = {
  'panel→bg:claim': { request: ByConversation, response: Ack },
  'panel→bg:release': { request: ByConversation, response: Ack },
  'panel→bg:close': { request: ByConversation, response: Ack },
  'panel→bg:transfer': { request: z.object({ conversationId, target: TransferTargetSchema }), response: Ack },
  /** Agents (not the asker) and groups a conversation can be transferred to. */
  'panel→bg:transfer-targets': {
    request: z.object({}),
    response: z.object({ agents: z.array(AgentRefSchema), groups: z.array(GroupRefSchema) }),
  },
  /** The extension directory for "+ New" chat and group members. */
  'panel→bg:directory': { request: z.object({}), response: z.object({ agents: z.array(AgentRefSchema) }) },
  'panel→bg:open-direct': { request: z.object({ extension: z.string().min(1).max(32) }), response: Opened },
  'panel→bg:open-group': {
    request: z.object({ title: z.string().trim().min(1).max(100), extensions, externalNumbers }),
    response: Opened,
  },
  /** Find-or-create the 1:1 SMS thread with a number, from a chosen caller ID (seed 000). */
  'panel→bg:open-sms': {
    request: z.object({ number: z.string().min(3).max(40), fromNumber: z.string().min(3).max(40).optional() }),
    response: Opened,
  },
  'panel→bg:rename': { request: z.object({ conversationId, title: z.string().trim().min(1).max(100) }), response: Ack },
  'panel→bg:add-participants': {
    request: z
      .object({ conversationId, extensions, externalNumbers })
      .refine((value) => value.extensions.length + value.externalNumbers.length > 0, { message: 'nobody to add', path: ['extensions'] }),
    response: Ack,
  },
  'panel→bg:leave': { request: ByConversation, response: Ack },
  'panel→bg:suggest-contacts': {
    request: z.object({ query: z.string().trim().min(1).max(100) }),
    response: z.object({ suggestions: z.array(ContactSuggestionSchema) }),
  },
  /** The destination numbers (the contact's) and caller IDs (the agent's) a reply may use. */
  'panel→bg:send-options': {
    request: ByConversation,
    response: z.object({ destinations: z.array(ContactNumberSchema), callerIds: z.array(CallerIdSchema) }),
  },
  /** The bots taking part in a customer conversation (the thread header lists them). */
  'panel→bg:conversation-bots': { request: ByConversation, response: Bots },
  /** Removes one (the agent confirmed); answers with the bots left. */
  'panel→bg:remove-bot': { request: z.object({ conversationId, botId: z.string().min(1).max(100) }), response: Bots },
  'page→bg:save-template': {
    request: TemplateSchema.omit({ scope: true, id: true }).extend({ id: z.string().min(1).max(100).optional() }),
    response: z.object({ id: z.string() }),
  },
  'page→bg:delete-template': { request: z.object({ id: z.string().min(1).max(100) }), response: Ack },
  /** Re-reads the groups and the agent's presence in each (the popup opening). */
  'page→bg:refresh-groups': { request: z.object({}), response: Ack },
  'page→bg:set-presence': {
    request: z.object({
      groupId: z.string().min(1).max(100),
      change: z.discriminatedUnion('action', [
        z.object({ action: z.enum(['login', 'logout', 'resume']) }),
        z.object({ action: z.literal('pause'), reason: z.string().trim().min(1).max(200) }),
      ]),
    }),
    response: z.object({ presence: GroupPresenceSchema }),
  },
} as const;

export type WorkspaceMessage = keyof typeof workspaceProtocol;
