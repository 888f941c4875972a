import { z } from 'zod';
import { AgentSchema } from '../model/agent';

/**
 * The one protocol between Parley's runtimes. Each name states who sends it to whom
 * (`<from>→<to>:<verb>`); the router derives from the sender part which kind of context may send
 * it. Requests and responses are both schemas, validated on each side.
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
  'panel→bg:open-number': {
    request: z.object({ number: z.string().min(3).max(32) }),
    response: z.object({ conversationId: z.string() }),
  },
  'panel→bg:send-reply': {
    request: z.object({ conversationId: z.string().min(1), body: z.string().trim().min(1).max(1600) }),
    response: z.object({ messageId: z.string() }),
  },
  'panel→bg:load-messages': {
    request: z.object({ conversationId: z.string().min(1) }),
    response: z.object({}),
  },
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.infer<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;

/** What goes over runtime.sendMessage. */
export const EnvelopeSchema = z.object({ name: z.string(), payload: z.unknown() });

/** Every reply: the handler's result, or an error the UI can explain (codes are i18n keys' suffixes). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };
export const ReplyErrorSchema = z.object({
  code: z.enum(['invalid_credentials', 'unauthorized', 'unreachable', 'rejected', 'invalid_request', 'internal']),
  message: z.string(),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

/** Which kind of context may send a message, from the part of its name before the arrow. */
export type SenderKind = 'extension-page' | 'content-script';
export function allowedSender(name: MessageName): SenderKind {
  return name.startsWith('crm→') ? 'content-script' : 'extension-page';
}
