import * as z from 'zod/mini';
import { caseProtocol } from '../crm/case-protocol';

/**
 * The messages the CRM content script receives. Kept apart from the rest of the protocol and
 * written with zod's mini build for the background; the CRM page checks what it receives with the
 * equivalent hand-written guards of utils/crm/crm-guards.ts, which keep zod out of every CRM page.
 */
export const crmProtocol = {
  /** A notification was clicked while the agent works in a CRM tab: show the conversation in its dock. */
  'bg→crm:open-dock': {
    request: z.object({ conversationId: z.string().check(z.minLength(1), z.maxLength(200)) }),
    response: z.object({}),
  },
  ...caseProtocol,
} as const;
