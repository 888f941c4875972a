// CRM profiles: which CRM a page belongs to, the case it shows, its phone fields, its note field
// and its case links. One declarative file per CRM beside this one; see schema.ts.
export { crmProfiles, profileForUrl, type ExtraMatches } from './registry';
export { caseIdFromUrl, noteFieldOnScreen, phoneFieldsOnScreen, readCase } from './read';
export { buildCaseLink, CaseLinkError, type CaseLinkKind, type CaseLinkProblem } from './links';
export type { ReadOptions } from './phone-fields';
export type { CaseOnScreen, CrmPageProfile, CrmProfile, PhoneField } from './schema';
