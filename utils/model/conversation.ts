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
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Sort key for "newest activity first": a conversation with no messages sorts by its creation. */
export function activityAt(conversation: Conversation): number {
  return conversation.lastMessageAt ?? conversation.createdAt;
}
