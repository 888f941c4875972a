import { z } from 'zod';

/**
 * Where an inbound text to a number goes. A discriminated union on `type`: ring_group, queue and bot
 * variants slot in here later, each with its own resolver in routing/.
 * Config form names agents by extension; the stored form by agent id.
 */
export const InboundRouteConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), extension: z.string().min(1) }),
]);
export type InboundRouteConfig = z.infer<typeof InboundRouteConfigSchema>;

export const InboundRouteSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), agentId: z.string().min(1) }),
]);
export type InboundRoute = z.infer<typeof InboundRouteSchema>;
