import { z } from 'zod';
import { GroupRefSchema } from './conversation';

/** The agent's presence in one ring group or SMS queue (independent per group). */
export const GroupPresenceSchema = z.object({ loggedIn: z.boolean(), paused: z.boolean(), pauseReason: z.string().nullable() });
export type GroupPresence = z.infer<typeof GroupPresenceSchema>;

/** A group as the agent sees it: `me` is null when the agent is not a member. */
export const GroupSummarySchema = GroupRefSchema.extend({
  me: GroupPresenceSchema.nullable(),
  waitingCount: z.number().int(),
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/** A transfer goes to one agent or to one group. */
export const TransferTargetSchema = z.union([z.object({ agentId: z.string().min(1).max(100) }), z.object({ groupId: z.string().min(1).max(100) })]);
export type TransferTarget = z.infer<typeof TransferTargetSchema>;
