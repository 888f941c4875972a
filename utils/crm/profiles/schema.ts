import * as z from 'zod/mini';
import { MatchPattern } from 'wxt/utils/match-patterns';

/**
 * What a CRM profile declares: where it applies, how to read the case on screen, where the phone
 * fields are, how to open a case search or a new case, and which saved pages its tests run on.
 * Every profile file goes through `defineCrmProfile`, so a malformed profile fails when the module
 * loads (and in the conventions test), not on an agent's screen.
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

const matchPattern = z.string().check(
  z.refine(
    (pattern) => {
      try {
        new MatchPattern(pattern);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid WebExtension match pattern' },
  ),
);

// The case id comes from the URL (SPAs keep it there), through a named group.
const casePage = z.instanceof(RegExp).check(
  z.refine((pattern) => pattern.source.includes('(?<id>'), { message: 'a case page pattern needs a named group "id"' }),
);

const fn = <T extends (...args: never[]) => unknown>() => z.custom<T>((value) => typeof value === 'function', { message: 'expected a function' });

const extractor = z.union([z.string().check(z.minLength(1)), fn<Exclude<Extractor, string>>()]);

const phoneFieldRule = z.object({
  selector: z.string().check(z.minLength(1)),
  accept: z.optional(fn<NonNullable<PhoneFieldRule['accept']>>()),
  label: fn<PhoneFieldRule['label']>(),
});

const fixture = z.object({
  /** A file in tests/fixtures/crm/<profile id>/. */
  file: z.string().check(z.regex(/^[a-z0-9-]+\.html$/, 'fixture files are kebab-case .html')),
  /** The address the saved page was shown at. */
  url: z.url({ protocol: /^https?$/ }),
});

export const CrmProfileSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'profile ids are kebab-case')),
  name: z.string().check(z.minLength(1)),
  /**
   * The CRM's origins, as the extension asks for host access to them. A self-hosted product
   * (Request Tracker) has no origin of its own: its patterns have a wildcard host and only say
   * which pages look like it; access is granted for the agent's own origin (ExtraMatches).
   */
  matches: z.array(matchPattern).check(z.minLength(1)),
  /** Case (ticket, record) pages, tested against path + query + hash. */
  casePages: z._default(z.array(casePage), []),
  /**
   * The part of the page that shows the case with this id. CRMs keep other records rendered but
   * hidden (Salesforce console tabs, Zendesk ticket tabs); null while the case is still loading.
   */
  caseScope: z.optional(fn<(document: Document, caseId: string) => ParentNode | null>()),
  caseView: z._default(
    z.object({
      title: z.optional(extractor),
      /** The number agents quote ("00001026", "CAS-01026-K7M2Q9") when it differs from the URL id. */
      reference: z.optional(extractor),
      customerName: z.optional(extractor),
      address: z.optional(extractor),
    }),
    {},
  ),
  phoneFields: z.array(phoneFieldRule).check(z.minLength(1)),
  /** Where "Log to case" writes: a textarea, an input or a rich-text editor. */
  noteField: z.optional(z.string().check(z.minLength(1))),
  links: z._default(
    z.object({
      searchByPhone: z.optional(fn<LinkBuilder>()),
      newCase: z.optional(fn<LinkBuilder>()),
    }),
    {},
  ),
  fixtures: z.array(fixture).check(z.minLength(1)),
});

export type CrmProfile = z.infer<typeof CrmProfileSchema>;
export type CrmProfileInput = z.input<typeof CrmProfileSchema>;

export function defineCrmProfile(profile: CrmProfileInput): CrmProfile {
  return CrmProfileSchema.parse(profile);
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
