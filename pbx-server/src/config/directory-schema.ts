import { z } from 'zod';

/**
 * Groups, bots and phonebook contacts as the config file and the admin API write them (the two use
 * the same shapes). Agents are named by extension everywhere.
 */

const extension = z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'must be 1-32 letters or digits');
const seconds = z.number().int().min(1).max(7 * 86_400);

export const GroupSettingsSchema = z
  .object({
    kind: z.enum(['ring_group', 'queue']),
    extension,
    name: z.string().trim().min(1).max(100),
    strategy: z.enum(['round_robin', 'longest_idle']).default('round_robin'),
    /** Queues: a claimed conversation without a reply for this long goes back to the queue. */
    idleTimeoutSeconds: seconds.nullable().default(null),
    /** Queues: a conversation waiting this long gets unclaimedReply (if any) and is closed. */
    unclaimedTimeoutSeconds: seconds.nullable().default(null),
    unclaimedReply: z.string().trim().min(1).max(1600).nullable().default(null),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'queue') return;
    for (const key of ['idleTimeoutSeconds', 'unclaimedTimeoutSeconds', 'unclaimedReply'] as const) {
      if (g[key] !== null) ctx.addIssue({ code: 'custom', path: [key], message: 'only SMS queues have timeouts' });
    }
  });

export const GroupConfigSchema = GroupSettingsSchema.and(
  z.object({ members: z.array(extension).default([]).describe('Extensions, in round-robin order') }),
);

export const BotConfigSchema = z.object({
  name: z.string().trim().min(1).max(100),
  reply: z.string().trim().min(1).max(1600),
});

export const ContactNumberSchema = z.object({ number: z.string().min(1).max(40), label: z.string().max(40).default('') });

export const ContactConfigSchema = z.object({
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).nullable().default(null),
  numbers: z.array(ContactNumberSchema).min(1).max(20),
});

export type GroupSettingsConfig = z.infer<typeof GroupSettingsSchema>;
export type GroupConfig = z.infer<typeof GroupConfigSchema>;
export type BotConfig = z.infer<typeof BotConfigSchema>;
export type ContactConfig = z.infer<typeof ContactConfigSchema>;
