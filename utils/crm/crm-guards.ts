import type { Schemas } from '../messaging/message-router';

/**
 * What the CRM page accepts from the background, checked by hand: the same rules as the zod schemas
 * of utils/messaging/crm-protocol.ts and case-protocol.ts (a unit test holds the two together), so
 * the detector needs no zod in every CRM page. Like zod, a check returns a copy holding only the
 * declared fields.
 */

type Check<T> = (value: unknown, path: string) => T;

class Invalid extends Error {}

const fail = (path: string, expected: string): never => {
  throw new Invalid(`${path || 'payload'}: expected ${expected}`);
};

const text =
  (max: number, min = 0, pattern?: RegExp): Check<string> =>
  (value, path) =>
    typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value))
      ? value
      : fail(path, `a string of ${min}–${max} characters${pattern ? ` matching ${pattern}` : ''}`);

const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null ? null : check(value, path);

const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : check(value, path);

const list =
  <T>(check: Check<T>, max: number): Check<T[]> =>
  (value, path) =>
    Array.isArray(value) && value.length <= max ? value.map((item, index) => check(item, `${path}[${index}]`)) : fail(path, `a list of at most ${max}`);

type Shape = Record<string, Check<unknown>>;
type Parsed<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

const object =
  <S extends Shape>(shape: S): Check<Parsed<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object');
    const parsed: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const field = shape[key]!((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (field !== undefined) parsed[key] = field;
    }
    return parsed as Parsed<S>;
  };

/** The `{ safeParse }` a router validates a request with. */
function request<T>(check: Check<T>) {
  return {
    request: {
      safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } } {
        try {
          return { success: true, data: check(value, '') };
        } catch (error) {
          if (error instanceof Invalid) return { success: false, error: { message: error.message } };
          throw error;
        }
      },
    },
  };
}

const id = text(200, 1);
const e164 = text(16, 0, /^\+[1-9]\d{6,14}$/);
const httpUrl = text(2000, 0, /^https?:\/\//);
const empty = object({});
const chatRequest = { conversationId: id, callId: text(40), title: text(200), preview: text(200) };
const foundCase = object({ id, title: nullable(text(500)), url: httpUrl });

export const crmGuards = {
  'bg→crm:open-dock': request(object({ conversationId: id })),
  'bg→crm:chat-request': request(object(chatRequest)),
  'bg→crm:offer-cases': request(object({ ...chatRequest, cases: list(foundCase, 10) })),
  'bg→crm:dismiss-request': request(object({ conversationId: id })),
  'bg→crm:search-cases': request(object({ phone: e164 })),
  'bg→crm:new-case-url': request(object({ phone: e164, name: optional(text(200)) })),
  'bg→crm:ping': request(empty),
  'bg→crm:toggle-dock': request(empty),
} satisfies Schemas<'crm'>;
