import { z } from 'zod';
import { AgentSchema } from '../model/agent';
import { crmProtocol } from './crm-protocol';
import type { Receiver } from './names';
import { workspaceProtocol } from './workspace-protocol';

/**
 * The one protocol between Parley's runtimes. Each name states who sends it to whom
 * (`<from>→<to>:<verb>`): `bg` the background, `panel`, `popup`, `options`, `page` (any of those
 * three), `offscreen` (Chrome's audio document), `crm` (the CRM content script). The router of each
 * receiver handles only the names addressed to it and derives from the sender part which kind of
 * context may send them. Requests and responses are both schemas, validated on each side.
 */
export const protocol = {
  'options→bg:connect': {
    request: z.object({ serverUrl: z.url({ protocol: /^https?$/ }), extension: z.string().min(1).max(32), password: z.string().min(1).max(200) }),
    response: z.object({ agent: AgentSchema }),
  },
  'options→bg:disconnect': {
    request: z.object({}),
    response: z.object({}),
  },
  /** Lets the agent hear the alert tone at the chosen volume. */
  'options→bg:play-tone': {
    request: z.object({ volume: z.number().min(0).max(1) }),
    response: z.object({}),
  },
  /** "Retry now" while offline (popup and panel). */
  'page→bg:reconnect-now': {
    request: z.object({}),
    response: z.object({}),
  },
  'panel→bg:open-number': {
    request: z.object({ number: z.string().min(3).max(32) }),
    response: z.object({ conversationId: z.string() }),
  },
  'panel→bg:send-reply': {
    request: z.object({ conversationId: z.string().min(1), body: z.string().trim().min(1).max(1600) }),
    /** One id per message written: several when the agent has long texts split. */
    response: z.object({ messageIds: z.array(z.string()).min(1) }),
  },
  'panel→bg:load-messages': {
    request: z.object({ conversationId: z.string().min(1) }),
    response: z.object({}),
  },
  'panel→bg:retry-message': {
    request: z.object({ messageId: z.string().min(1).max(200) }),
    response: z.object({ messageId: z.string() }),
  },
  'panel→bg:delete-message': {
    request: z.object({ messageId: z.string().min(1).max(200) }),
    response: z.object({}),
  },
  'panel→bg:mark-read': {
    request: z.object({ conversationId: z.string().min(1) }),
    response: z.object({}),
  },
  /** Chrome only: a service worker has no DOM, so the tone plays in the offscreen document. */
  'bg→offscreen:play-tone': {
    request: z.object({ url: z.string().min(1), volume: z.number().min(0).max(1) }),
    response: z.object({}),
  },
  ...crmProtocol,
  ...workspaceProtocol,
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.infer<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;

type ReceiverOf<N extends MessageName> = N extends `${string}→${infer To}:${string}` ? To : never;
export type MessageTo<R extends Receiver> = { [N in MessageName]: ReceiverOf<N> extends R ? N : never }[MessageName];


/** Every reply: the handler's result, or an error the UI can explain (codes are i18n keys' suffixes). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };
export const ReplyErrorSchema = z.object({
  code: z.enum(['invalid_credentials', 'unauthorized', 'unreachable', 'rejected', 'invalid_request', 'internal']),
  message: z.string(),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;
