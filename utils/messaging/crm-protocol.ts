import * as z from 'zod/mini';
import { caseProtocol } from '../crm/case-protocol';

/**
 * The messages the CRM content script receives. Kept apart from the rest of the protocol and
 * written with zod's mini build: the content script is injected into every CRM page, and the full
 * protocol (with zod's classic build) would more than double its size.
 */
export const crmProtocol = {
  /** A notification was clicked while the agent works in a CRM tab: show the conversation in its dock. */
  'bg→crm:open-dock': {
    request: z.object({ conversationId: z.string().check(z.minLength(1), z.maxLength(200)) }),
    response: z.object({}),
  },
  ...caseProtocol,
} as const;

/** What goes over runtime.sendMessage / tabs.sendMessage. */
export const EnvelopeSchema = z.object({ name: z.string(), payload: z.optional(z.unknown()) });
