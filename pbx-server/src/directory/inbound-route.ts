import { z } from 'zod';

/**
 * Where an inbound text to a number goes: one agent, a ring group, an SMS queue or a bot. The
 * config file and the admin API name targets the way people do (extensions, the bot's name); the
 * stored form uses ids, so renaming or renumbering never misroutes. routing/route-text.ts has one
 * case per type.
 */
export const InboundRouteConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), extension: z.string().min(1).max(32) }),
  z.object({ type: z.literal('ring_group'), extension: z.string().min(1).max(32) }),
  z.object({ type: z.literal('queue'), extension: z.string().min(1).max(32) }),
  z.object({ type: z.literal('bot'), bot: z.string().min(1).max(100) }),
]);
export type InboundRouteConfig = z.infer<typeof InboundRouteConfigSchema>;

export const InboundRouteSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), agentId: z.string().min(1) }),
  z.object({ type: z.literal('ring_group'), groupId: z.string().min(1) }),
  z.object({ type: z.literal('queue'), groupId: z.string().min(1) }),
  z.object({ type: z.literal('bot'), botId: z.string().min(1) }),
]);
export type InboundRoute = z.infer<typeof InboundRouteSchema>;
