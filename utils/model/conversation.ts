import { z } from 'zod';

export const ConversationTypeSchema = z.enum(['sms', 'whatsapp', 'direct', 'group']);
export type ConversationType = z.infer<typeof ConversationTypeSchema>;

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
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Sort key for "newest activity first": a conversation with no messages sorts by its creation. */
export function activityAt(conversation: Conversation): number {
  return conversation.lastMessageAt ?? conversation.createdAt;
}

/**
 * Whether a customer's message in this conversation is the agent's to answer, and so worth a
 * notification: their own conversation, or one they are designated for. Other members of a group
 * can follow it, but are not alerted (seed 000).
 */
export function isAgentsToAnswer(conversation: Pick<Conversation, 'designatedAgentId'>, agentId: string): boolean {
  return conversation.designatedAgentId == null || conversation.designatedAgentId === agentId;
}
