import { z } from 'zod';

export const ConversationTypeSchema = z.enum(['sms', 'whatsapp', 'direct', 'group']);
export type ConversationType = z.infer<typeof ConversationTypeSchema>;

/** open: not routed to a group; a group's conversation is waiting (nobody designated), assigned or closed. */
export const ConversationStateSchema = z.enum(['open', 'waiting', 'assigned', 'closed']);
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** An agent wherever another object points at one. */
export const AgentRefSchema = z.object({ id: z.string(), extension: z.string(), name: z.string() });
export type AgentRef = z.infer<typeof AgentRefSchema>;

/** The ring group or SMS queue a conversation belongs to. */
export const GroupRefSchema = z.object({ id: z.string(), kind: z.enum(['ring_group', 'queue']), extension: z.string(), name: z.string() });
export type GroupRef = z.infer<typeof GroupRefSchema>;

/** Who takes part: agents, and the external numbers of a group chat. */
export const ParticipantSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), id: z.string(), extension: z.string(), name: z.string() }),
  z.object({ type: z.literal('external'), number: z.string(), name: z.string().nullable() }),
]);
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * The normalized conversation every connector maps to. Times are epoch milliseconds so Dexie can
 * index and sort them without parsing strings.
 */
export const ConversationSchema = z.object({
  id: z.string(),
  type: ConversationTypeSchema,
  customerNumber: z.string().nullable(),
  didNumber: z.string().nullable(),
  title: z.string(),
  createdAt: z.number(),
  lastMessageAt: z.number().nullable(),
  lastMessagePreview: z.string().nullable(),
  /**
   * For a group or queue conversation, the one agent alerted to answer it (seed 000's @mention);
   * absent for a conversation that is simply the agent's own.
   */
  designatedAgentId: z.string().nullable().optional(),
  // What a PBX with groups and queues adds; absent from a connector (or an old row) that has none.
  /** The customer number resolved to a name by the PBX (phonebook, then call log). */
  customerName: z.string().nullable().optional(),
  state: ConversationStateSchema.optional(),
  group: GroupRefSchema.nullable().optional(),
  designatedAgent: AgentRefSchema.nullable().optional(),
  /** The agent the PBX alerted (@mention) for this conversation. */
  mentionedAgentId: z.string().nullable().optional(),
  /** Epoch ms. */
  waitingSince: z.number().nullable().optional(),
  closedAt: z.number().nullable().optional(),
  participants: z.array(ParticipantSchema).optional(),
  /** The customer texted STOP to this line: sending is refused until they text START. */
  optedOut: z.boolean().optional(),
  /** The PBX's count of texts this agent has not read, when it keeps one (it then wins over local counting). */
  unreadCount: z.number().int().nonnegative().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Sort key for "newest activity first": a conversation with no messages sorts by its creation. */
export function activityAt(conversation: Conversation): number {
  return conversation.lastMessageAt ?? conversation.createdAt;
}

/**
 * Whether a customer's message in this conversation is the agent's to answer, and so worth a
 * notification: their own conversation, one they are designated for, or one waiting in a queue
 * whose strategy alerted them (the @mention). Other members of a group can follow it, but are not
 * alerted (seed 000); with nobody designated or alerted (nobody was available), every member is.
 */
export function isAgentsToAnswer(conversation: Pick<Conversation, 'designatedAgentId' | 'mentionedAgentId'>, agentId: string): boolean {
  if (conversation.designatedAgentId) return conversation.designatedAgentId === agentId;
  if (conversation.mentionedAgentId) return conversation.mentionedAgentId === agentId;
  return true;
}
