import { z } from 'zod';

/** A number offered while the agent types a name or number: phonebook, recent calls, existing conversations. */
export const ContactSuggestionSchema = z.object({
  number: z.string(),
  name: z.string().nullable(),
  source: z.enum(['phonebook', 'recent_call', 'conversation']),
});
export type ContactSuggestion = z.infer<typeof ContactSuggestionSchema>;

/** One of a contact's numbers, for the destination picker. */
export const ContactNumberSchema = z.object({ number: z.string(), label: z.string() });
export type ContactNumber = z.infer<typeof ContactNumberSchema>;

/** A caller ID the agent may send from. */
export const CallerIdSchema = z.object({ number: z.string(), channel: z.enum(['sms', 'whatsapp']), label: z.string() });
export type CallerId = z.infer<typeof CallerIdSchema>;
