import { z } from 'zod';

/**
 * The agent's preferences, kept in storage.local and read by the background on every use. Each is
 * a schema: a value written by an older or newer version, or edited by hand, falls back to the
 * default instead of breaking the background.
 */

/** The alert tone for a new customer message. */
export const AlertToneSchema = z.object({ enabled: z.boolean(), volume: z.number().min(0).max(1) });
export type AlertTone = z.infer<typeof AlertToneSchema>;
export const DEFAULT_ALERT_TONE: AlertTone = { enabled: true, volume: 0.8 };

/** Seed 004: optionally send long texts as separate messages of at most 140 characters. */
export const SmsSplittingSchema = z.object({ enabled: z.boolean() });
export type SmsSplitting = z.infer<typeof SmsSplittingSchema>;
export const DEFAULT_SMS_SPLITTING: SmsSplitting = { enabled: false };

/** Which inbound messages raise a browser notification. */
export const NotificationRulesSchema = z.object({
  /** The first message of a conversation new to this agent: "SMS Chat Request". */
  newConversations: z.boolean(),
  /** Every later inbound message in the agent's conversations. */
  laterMessages: z.boolean(),
});
export type NotificationRules = z.infer<typeof NotificationRulesSchema>;
export const DEFAULT_NOTIFICATION_RULES: NotificationRules = { newConversations: true, laterMessages: true };

/** A stored preference, or the default when it is missing or does not parse. */
export function readPreference<T>(schema: z.ZodType<T>, stored: unknown, fallback: T): T {
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : fallback;
}
