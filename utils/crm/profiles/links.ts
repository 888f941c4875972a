import { bestMatch } from './match';
import type { CrmProfile, LinkTarget } from './schema';

export type CaseLinkKind = 'searchByPhone' | 'newCase';

export type CaseLinkProblem = 'page-not-this-crm' | 'invalid-phone' | 'not-supported' | 'leaves-origin';

export class CaseLinkError extends Error {
  constructor(
    readonly problem: CaseLinkProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CaseLinkError';
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;

// A caller's name comes from an SMS sender or a directory: printable text, one line, bounded.
function callerName(name: string | null | undefined): string | undefined {
  return name?.replace(/[\p{C}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || undefined;
}

// Only a path on the page's own origin: not "//host", not "/\host" (browsers read "\" as "/"),
// and without "?" or "#", which belong in params and hash where they are encoded.
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^?#\\]*$/;

function toUrl(origin: string, target: LinkTarget): URL {
  if (!SAME_ORIGIN_PATH.test(target.path)) throw new CaseLinkError('leaves-origin', `"${target.path}" is not a path on the CRM's origin`);
  const url = new URL(target.path, origin);
  for (const [key, value] of Object.entries(target.params ?? {})) url.searchParams.set(key, value);
  if (target.hash) url.hash = target.hash;
  if (url.origin !== origin) throw new CaseLinkError('leaves-origin', `${url.origin} is not ${origin}`);
  return url;
}

/**
 * The URL of a case search by phone, or of a new case with the phone (and name) filled in, on the
 * CRM the agent is using. Page data never decides where the link goes: the page must be this
 * profile's CRM, the link stays on its origin, the phone must be E.164 and every value is encoded.
 */
export function buildCaseLink(
  profile: CrmProfile,
  kind: CaseLinkKind,
  page: URL,
  input: { phone: string; name?: string | null },
  extraMatches: readonly string[] = [],
): { url: URL; prefilled: LinkTarget['prefilled'] } {
  if (bestMatch([...profile.matches, ...extraMatches], page) < 0) {
    throw new CaseLinkError('page-not-this-crm', `${page.origin} is not a ${profile.name} page`);
  }
  if (typeof input.phone !== 'string' || !E164.test(input.phone)) throw new CaseLinkError('invalid-phone', `phone must be an E.164 number, not "${input.phone}"`);
  const name = callerName(input.name);

  const builder = profile.links[kind];
  const target = builder?.({ phone: input.phone, name, page });
  if (!target) throw new CaseLinkError('not-supported', `${profile.name} has no ${kind} link for this page`);
  return { url: toUrl(page.origin, target), prefilled: target.prefilled };
}
