import { findPhoneFields, type ReadOptions } from './phone-fields';
import { screenScope } from './screen';
import { formValue, textOf } from './labels';
import type { CaseOnScreen, CrmProfile, Extractor } from './schema';

// The detector's part of reading the screen, with the page part of a profile.
export { caseIdFromUrl, phoneFieldsOnScreen } from './screen';

function extract(extractor: Extractor | undefined, scope: ParentNode, url: URL): string | null {
  if (!extractor) return null;
  if (typeof extractor === 'function') return extractor(scope, url)?.replace(/\s+/g, ' ').trim() || null;
  const element = scope.querySelector(extractor);
  if (!element) return null;
  const value = formValue(element);
  return value === undefined ? textOf(element) : value.trim() || null;
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
