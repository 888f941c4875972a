import { z } from 'zod';

/**
 * A bot taking part in a customer conversation (seed 003 "Routing to a Bot"). `routed`: the
 * number's route put it there, so it answers the customer outside working hours.
 */
export const ConversationBotSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  routed: z.boolean(),
});
export type ConversationBot = z.infer<typeof ConversationBotSchema>;
