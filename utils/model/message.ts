import { z } from 'zod';
import { AgentRefSchema, GroupRefSchema } from './conversation';

export const MessageDirectionSchema = z.enum(['inbound', 'outbound']);
export type MessageDirection = z.infer<typeof MessageDirectionSchema>;

export const MessageStatusSchema = z.enum(['queued', 'sent', 'delivered', 'failed', 'received']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** `type` stays a string: a PBX adding a lifecycle step must not make the message unreadable. */
export const SystemEventSchema = z.object({
  type: z.string(),
  agent: AgentRefSchema.optional(),
  group: GroupRefSchema.optional(),
  by: AgentRefSchema.optional(),
  number: z.string().optional(),
  title: z.string().optional(),
  reason: z.string().optional(),
  /** bot.removed: the bot an agent (`by`) took out of the conversation. */
  bot: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type SystemEvent = z.infer<typeof SystemEventSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: MessageDirectionSchema,
  body: z.string(),
  from: z.string(),
  to: z.string(),
  status: MessageStatusSchema,
  failureReason: z.string().nullable(),
  senderAgentId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  /** "system" for a lifecycle line ("Entered SMS Support Queue"); absent for a text someone wrote. */
  kind: z.literal('system').optional(),
  /** The fact behind a system message, as data (type "queue.claimed", the agent, …); its text is `body`. */
  systemEvent: SystemEventSchema.nullable().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

// A message only moves forward: queued -> sent -> delivered|failed. A REST reply can arrive after a
// newer status event, so the store keeps whichever copy is further along.
const progress: Record<MessageStatus, number> = { queued: 0, sent: 1, delivered: 2, failed: 2, received: 2 };

export function isNewerStatus(incoming: MessageStatus, existing: MessageStatus): boolean {
  return progress[incoming] >= progress[existing];
}
