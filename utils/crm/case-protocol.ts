import * as z from 'zod/mini';

/**
 * Messages of the case flow between the background and the CRM content scripts (seed 004: chat
 * request, case pop, case link, "Log to case"). zod's mini build, like the rest of the CRM protocol;
 * the CRM page checks the background's messages with the equivalent guards of crm-guards.ts.
 */

const id = z.string().check(z.minLength(1), z.maxLength(200));
const text = (max: number) => z.string().check(z.maxLength(max));
const e164 = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/));
const httpUrl = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\//));

export const CaseOnScreenSchema = z.object({
  profileId: id,
  id,
  reference: z.nullable(text(200)),
  title: z.nullable(text(500)),
  customerName: z.nullable(text(200)),
  address: z.nullable(text(500)),
  phones: z.array(z.object({ label: z.nullable(text(200)), e164, raw: text(100) })).check(z.maxLength(50)),
});

/** A case found by a search by phone: its id, title and the page that shows it (same origin as the tab). */
export const FoundCaseSchema = z.object({ id, title: z.nullable(text(500)), url: httpUrl });
export type FoundCase = z.infer<typeof FoundCaseSchema>;

/** What a chat-request card shows: seed 004's "SMS Chat Request" with its Call ID. */
const ChatRequestSchema = z.object({ conversationId: id, callId: text(40), title: text(200), preview: text(200) });
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const caseProtocol = {
  /**
   * The loader found phone-number candidates: inject the detector into this frame; or, with part
   * "ui", the detector needs its on-demand part (dock, chat-request cards, case search) now.
   */
  'crm→bg:load-detector': { request: z.object({ part: z.optional(z.literal('ui')) }), response: z.object({}) },
  /** The page shows this case (or none) now: after load, SPA navigation and re-rendering. */
  'crm→bg:case-on-screen': {
    request: z.object({ url: httpUrl, case: z.nullable(CaseOnScreenSchema), hasNoteField: z.boolean() }),
    response: z.object({}),
  },
  /** "Answer" on the in-page chat-request card. */
  'crm→bg:answer-chat': { request: z.object({ conversationId: id }), response: z.object({}) },
  /** The agent's pick on the "Continue case #… / Create new case" card; null is a new case. */
  'crm→bg:choose-case': { request: z.object({ conversationId: id, caseUrl: z.nullable(httpUrl) }), response: z.object({}) },
  /** "Log to case": the transcript lines not logged to this tab's case yet (null: no linked case). */
  'crm→bg:log-to-case': { request: z.object({}), response: z.object({ text: z.nullable(z.string()), count: z.number() }) },
  /** Show an in-page chat request: system notifications cannot always be clicked. */
  'bg→crm:chat-request': { request: ChatRequestSchema, response: z.object({}) },
  /** Offer the recent cases for the number (continue one) or a new case. */
  'bg→crm:offer-cases': { request: z.object({ ...ChatRequestSchema.shape, cases: z.array(FoundCaseSchema).check(z.maxLength(10)) }), response: z.object({}) },
  /** Remove a chat request's card (answered here or in another tab). */
  'bg→crm:dismiss-request': { request: z.object({ conversationId: id }), response: z.object({}) },
  /** Run the profile's search by phone on the CRM's origin (the page's session, same origin). */
  'bg→crm:search-cases': { request: z.object({ phone: e164 }), response: z.object({ cases: z.array(FoundCaseSchema) }) },
  /** The profile's new-case URL with the phone (and caller name) filled in, on this CRM's origin. */
  'bg→crm:new-case-url': {
    request: z.object({ phone: e164, name: z.optional(text(200)) }),
    response: z.object({ url: httpUrl }),
  },
  /** Is the detector running in this frame? (Injecting it twice would restart it.) */
  'bg→crm:ping': { request: z.object({}), response: z.object({}) },
  /** The keyboard shortcut: show or collapse the dock. */
  'bg→crm:toggle-dock': { request: z.object({}), response: z.object({}) },
} as const;
