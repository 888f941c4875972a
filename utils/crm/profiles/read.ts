import { findPhoneFields, type ReadOptions } from './phone-fields';
import { formValue, textOf } from './labels';
import type { CaseOnScreen, CrmProfile, Extractor, PhoneField } from './schema';

/** The id of the case a URL shows, or null when the URL is not one of the profile's case pages. */
export function caseIdFromUrl(profile: CrmProfile, url: URL): string | null {
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
function screenScope(profile: CrmProfile, document: Document, url: URL): { caseId: string | null; scope: ParentNode | null } {
  const caseId = caseIdFromUrl(profile, url);
  if (!caseId || !profile.caseScope) return { caseId, scope: document };
  return { caseId, scope: profile.caseScope(document, caseId) };
}

function extract(extractor: Extractor | undefined, scope: ParentNode, url: URL): string | null {
  if (!extractor) return null;
  if (typeof extractor === 'function') return extractor(scope, url)?.replace(/\s+/g, ' ').trim() || null;
  const element = scope.querySelector(extractor);
  if (!element) return null;
  const value = formValue(element);
  return value === undefined ? textOf(element) : value.trim() || null;
}

/** The phone fields where SMS buttons belong: in the open case, or anywhere on other pages. */
export function phoneFieldsOnScreen(profile: CrmProfile, document: Document, url: URL, options: ReadOptions): PhoneField[] {
  const { scope } = screenScope(profile, document, url);
  return scope ? findPhoneFields(profile.phoneFields, scope, options) : [];
}

/** The case the agent is looking at, or null when this page shows none (or has not rendered it yet). */
export function readCase(profile: CrmProfile, document: Document, url: URL, options: ReadOptions): CaseOnScreen | null {
  const { caseId, scope } = screenScope(profile, document, url);
  if (!caseId || !scope) return null;
  const phones = new Map<string, CaseOnScreen['phones'][number]>();
  for (const { label, e164, raw } of findPhoneFields(profile.phoneFields, scope, options)) {
    if (!phones.has(e164)) phones.set(e164, { label, e164, raw });
  }
  const view = profile.caseView;
  return {
    profileId: profile.id,
    id: caseId,
    reference: extract(view.reference, scope, url),
    title: extract(view.title, scope, url),
    customerName: extract(view.customerName, scope, url),
    address: extract(view.address, scope, url),
    phones: [...phones.values()],
  };
}

/** The open case's note field, where "Log to case" writes. */
export function noteFieldOnScreen(profile: CrmProfile, document: Document, url: URL): Element | null {
  const { caseId, scope } = screenScope(profile, document, url);
  if (!caseId || !scope || !profile.noteField) return null;
  return scope.querySelector(profile.noteField);
}
