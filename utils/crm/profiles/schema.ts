/**
 * What a CRM profile declares: where it applies, how to read the case on screen, where the phone
 * fields are, how to open a case search or a new case, and which saved pages its tests run on.
 * Plain data and pure functions, checked where they are written: profile-schema.ts validates every
 * profile in the conventions test, so a malformed one fails the build's tests, never on an agent's
 * screen, and the content script carries no validator for them.
 */

/** The page text a profile reads from: a CSS selector (text, or value for form fields) or a pure function. */
export type Extractor = string | ((scope: ParentNode, url: URL) => string | null | undefined);

export interface PhoneFieldRule {
  /** Candidates for phone fields: inputs, or elements whose text or `tel:` link is the number. */
  selector: string;
  /** Drops candidates the selector alone cannot tell apart (a generic input that is not a phone). */
  accept?: (element: Element) => boolean;
  /** The field's label as the CRM shows it ("Mobile", "Business Phone"). */
  label: (element: Element) => string | null | undefined;
}

/** A URL inside the CRM's own origin, before encoding: the only shape a link builder may return. */
export interface LinkTarget {
  path: string;
  params?: Record<string, string>;
  hash?: string;
  /**
   * What the URL itself fills in. A CRM whose new-record form takes no parameters gets an empty
   * list, and whoever opens the form fills the phone field through the profile's phone fields.
   */
  prefilled: Array<'phone' | 'name'>;
}

export interface LinkInput {
  /** E.164, already validated by the caller. */
  phone: string;
  /** The caller's name when known, already trimmed and bounded. */
  name?: string;
  /** The CRM page the agent is on: tenant ids (HubSpot portal, Dynamics app) come from it. */
  page: URL;
}

export type LinkBuilder = (input: LinkInput) => LinkTarget | null;

export interface CaseView {
  title?: Extractor;
  /** The number agents quote ("00001026", "CAS-01026-K7M2Q9") when it differs from the URL id. */
  reference?: Extractor;
  customerName?: Extractor;
  address?: Extractor;
}

/**
 * Where SMS buttons go on a CRM's pages: the part of a profile the detector carries into every CRM
 * page. Each profile file defines it first and spreads it into the whole profile, which only the
 * on-demand part (case reading, links) and the background load.
 */
export interface CrmPageProfile {
  /** Kebab-case; the profile's file and fixture folder are named after it. */
  id: string;
  /** Case (ticket, record) pages, tested against path + query + hash; the id is the named group "id". */
  casePages: RegExp[];
  /**
   * The part of the page that shows the case with this id. CRMs keep other records rendered but
   * hidden (Salesforce console tabs, Zendesk ticket tabs); null while the case is still loading.
   */
  caseScope?: (document: Document, caseId: string) => ParentNode | null;
  phoneFields: PhoneFieldRule[];
}

export interface CrmProfile extends CrmPageProfile {
  name: string;
  /**
   * The CRM's origins, as the extension asks for host access to them. A self-hosted product
   * (Request Tracker) has no origin of its own: its patterns have a wildcard host and only say
   * which pages look like it; access is granted for the agent's own origin (ExtraMatches).
   */
  matches: string[];
  caseView: CaseView;
  /** Where "Log to case" writes: a textarea, an input or a rich-text editor. */
  noteField?: string;
  links: { searchByPhone?: LinkBuilder; newCase?: LinkBuilder };
  /** Saved pages in tests/fixtures/crm/<id>/ and the address each was shown at. */
  fixtures: Array<{ file: string; url: string }>;
}

export function definePageProfile({ casePages = [], ...profile }: Omit<CrmPageProfile, 'casePages'> & Partial<Pick<CrmPageProfile, 'casePages'>>): CrmPageProfile {
  return { ...profile, casePages };
}

/** The rest of a profile as written: the groups a CRM does not have may be left out. */
export type CrmProfileRest = Omit<CrmProfile, keyof CrmPageProfile | 'caseView' | 'links'> & Partial<Pick<CrmProfile, 'caseView' | 'links'>>;

/**
 * A whole profile: its page part and the rest, passed apart rather than spread, so that a bundle
 * needing only the page part (the detector) drops the rest (a spread could run getters, which a
 * bundler must keep). Pure for the same reason.
 */
/*#__NO_SIDE_EFFECTS__*/
export function defineCrmProfile(page: CrmPageProfile, { caseView = {}, links = {}, ...rest }: CrmProfileRest): CrmProfile {
  return { ...page, ...rest, caseView, links };
}

/** One phone field on the page, with where its SMS button goes. */
export interface PhoneField {
  /** The field itself: the SMS button goes right after it. */
  element: Element;
  label: string | null;
  /** The number as the page shows it. */
  raw: string;
  e164: string;
}

/** The case the agent is looking at. */
export interface CaseOnScreen {
  profileId: string;
  id: string;
  reference: string | null;
  title: string | null;
  customerName: string | null;
  address: string | null;
  /** Unique numbers, in page order, each with the first label it was shown under. */
  phones: Array<{ label: string | null; e164: string; raw: string }>;
}
