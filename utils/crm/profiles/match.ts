import { MatchPattern } from 'wxt/utils/match-patterns';

const compiled = new Map<string, MatchPattern>();

function compile(pattern: string): MatchPattern {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = new MatchPattern(pattern);
    compiled.set(pattern, matcher);
  }
  return matcher;
}

/**
 * How narrow a match pattern is, for picking the most specific profile: an exact host beats a
 * wildcard subdomain, which beats any host; then longer literal hosts and paths win.
 * `<all_urls>` is the least specific of all.
 */
function specificity(pattern: string): number {
  if (pattern === '<all_urls>') return 0;
  const [, host = '*', path = '/*'] = /^[^:]+:\/\/([^/]*)(\/.*)$/.exec(pattern) ?? [];
  const hostRank = host === '*' ? 1 : host.startsWith('*.') ? 2 : 3;
  const literalHost = host.replace(/\*\.?/, '').length;
  const literalPath = path.replace(/\*/g, '').length;
  return hostRank * 1_000_000 + literalHost * 1_000 + literalPath;
}

/** The specificity of the narrowest pattern that includes the URL, or -1 when none does. */
export function bestMatch(patterns: readonly string[], url: URL): number {
  let best = -1;
  for (const pattern of patterns) {
    // As a string: given a URL object, the library tests `instanceof Location`, which throws in the
    // background's service worker (no Location there), where the detector's profile is picked.
    if (compile(pattern).includes(url.href)) best = Math.max(best, specificity(pattern));
  }
  return best;
}
