import type { FoundCase } from './case-protocol';
import { buildCaseLink, caseIdFromUrl, type CrmProfile } from './profiles';
import { textOf } from './profiles/labels';

/** How many cases the agent is offered to continue: the most recent ones. */
const MAX_OFFERED = 3;

/**
 * The case pages a search result page links to, in page order (the CRM's own order, most recent
 * first in the demo), once each. Only links on the page's own origin that the profile recognizes
 * as case pages count: a result page cannot send the agent anywhere else.
 */
export function casesLinkedFrom(profile: CrmProfile, results: Document, base: URL): FoundCase[] {
  const found = new Map<string, FoundCase>();
  for (const anchor of results.querySelectorAll('a[href]')) {
    let url: URL;
    try {
      url = new URL(anchor.getAttribute('href')!, base);
    } catch {
      continue;
    }
    if (url.origin !== base.origin) continue;
    const id = caseIdFromUrl(profile, url);
    if (id && !found.has(id)) found.set(id, { id, title: textOf(anchor), url: url.href });
  }
  return [...found.values()].slice(0, MAX_OFFERED);
}

/**
 * Runs the profile's search by phone from the CRM page itself: a same-origin request with the
 * agent's CRM session, read as HTML. A CRM without a search link, or whose results only render in
 * script, finds nothing here (the agent is then offered a new case).
 */
export async function searchCasesByPhone(profile: CrmProfile, page: URL, phone: string, extraMatches: readonly string[]): Promise<FoundCase[]> {
  let url: URL;
  try {
    ({ url } = buildCaseLink(profile, 'searchByPhone', page, { phone }, extraMatches));
  } catch {
    return [];
  }
  const response = await fetch(url, { headers: { accept: 'text/html' }, credentials: 'include' });
  if (!response.ok) return [];
  return casesLinkedFrom(profile, new DOMParser().parseFromString(await response.text(), 'text/html'), url);
}
