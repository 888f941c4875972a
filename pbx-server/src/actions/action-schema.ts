import { createHash } from 'node:crypto';
import { z } from 'zod';

/*
 * A number's Actions (seed 003 "Add a new Action"): up to three conditions, each a duration from 5
 * seconds to 1 day, and one task, sending a predefined message as a bot or adding members. Without
 * conditions the task runs after every customer text. The config file and the admin API name the
 * bot and the agents (name, extensions); the stored form keeps ids plus the bot's name, so an
 * action keeps running as a bot that was later deleted from the bot list (seed 003).
 */

export const CONDITION_TYPES = ['no_reply', 'not_read', 'no_activity'] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export const MIN_CONDITION_SECONDS = 5;
export const MAX_CONDITION_SECONDS = 86_400;
export const MAX_CONDITIONS = 3;

export const ActionConditionSchema = z.object({
  /** no_reply: no agent text; not_read: no member read the customer's text; no_activity: no text from the customer or an agent. */
  type: z.enum(CONDITION_TYPES),
  seconds: z
    .number()
    .int()
    .min(MIN_CONDITION_SECONDS, `at least ${MIN_CONDITION_SECONDS} seconds`)
    .max(MAX_CONDITION_SECONDS, `at most 1 day (${MAX_CONDITION_SECONDS} seconds)`),
});
export type ActionCondition = z.infer<typeof ActionConditionSchema>;

/** When the customer's text that arms the action must arrive for the action to apply. */
const Hours = z.enum(['always', 'working_hours', 'out_of_hours']).default('always');

const common = {
  conditions: z.array(ActionConditionSchema).max(MAX_CONDITIONS, `at most ${MAX_CONDITIONS} conditions`).default([]),
  oncePerConversation: z.boolean().default(false),
  hours: Hours,
};

export const ActionConfigSchema = z.object({
  ...common,
  task: z.discriminatedUnion('type', [
    z.object({ type: z.literal('send_message'), bot: z.string().trim().min(1).max(100), message: z.string().trim().min(1).max(1600) }),
    z.object({ type: z.literal('add_members'), extensions: z.array(z.string().min(1).max(32)).min(1).max(50) }),
  ]),
});
export type ActionConfig = z.infer<typeof ActionConfigSchema>;

export const ActionSchema = z.object({
  id: z.string().min(1),
  ...common,
  task: z.discriminatedUnion('type', [
    z.object({ type: z.literal('send_message'), botId: z.string().min(1), botName: z.string().min(1), message: z.string().min(1) }),
    z.object({ type: z.literal('add_members'), agentIds: z.array(z.string().min(1)).min(1) }),
  ]),
});
export type NumberAction = z.infer<typeof ActionSchema>;

/**
 * A stable id from the action's place and content: re-seeding the same config keeps the ids (and
 * so "once per conversation" and armed timers); an edited action is a new one.
 */
export function actionId(index: number, action: Omit<NumberAction, 'id'>): string {
  return createHash('sha256').update(JSON.stringify([index, action])).digest('hex').slice(0, 16);
}
