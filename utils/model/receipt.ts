import { z } from 'zod';
import { AgentRefSchema } from './conversation';

/** How far one internal participant has read a conversation ("✓ Read by Jake"). */
export const ReadReceiptSchema = z.object({
  conversationId: z.string(),
  agent: AgentRefSchema,
  lastReadMessageId: z.string().nullable(),
  /** Epoch ms. */
  readAt: z.number().nullable(),
});
export type ReadReceipt = z.infer<typeof ReadReceiptSchema>;
