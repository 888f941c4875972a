import { findPhoneFields, type ReadOptions } from './phone-fields';
import type { CrmPageProfile, PhoneField } from './schema';

/** The id of the case a URL shows, or null when the URL is not one of the profile's case pages. */
export function caseIdFromUrl(profile: CrmPageProfile, url: URL): string | null {
  const target = url.pathname + url.search + url.hash;
  for (const pattern of profile.casePages) {
    const id = pattern.exec(target)?.groups?.id;
    if (id) return id;
  }
  return null;
}

/**
 * Where the case is rendered: its scope when the profile has one (null until the CRM has rendered
 * it), else the whole document. Not a case page: the whole document.
 */
export function screenScope(profile: CrmPageProfile, document: Document, url: URL): { caseId: string | null; scope: ParentNode | null } {
  const caseId = caseIdFromUrl(profile, url);
  if (!caseId || !profile.caseScope) return { caseId, scope: document };
  return { caseId, scope: profile.caseScope(document, caseId) };
}

/** The phone fields where SMS buttons belong: in the open case, or anywhere on other pages. */
export function phoneFieldsOnScreen(profile: CrmPageProfile, document: Document, url: URL, options: ReadOptions): PhoneField[] {
  const { scope } = screenScope(profile, document, url);
  return scope ? findPhoneFields(profile.phoneFields, scope, options) : [];
}
