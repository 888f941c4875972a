import * as z from 'zod/mini';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CrmProfile, Extractor, LinkBuilder, PhoneFieldRule } from './schema';

/**
 * The rules every CRM profile (schema.ts) follows, for the conventions test, which runs them over
 * every shipped profile: where profiles are written, not in the CRM page, which never loads zod.
 */

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
  matches: z.array(matchPattern).check(z.minLength(1)),
  casePages: z._default(z.array(casePage), []),
  caseScope: z.optional(fn<(document: Document, caseId: string) => ParentNode | null>()),
  caseView: z._default(
    z.object({
      title: z.optional(extractor),
      reference: z.optional(extractor),
      customerName: z.optional(extractor),
      address: z.optional(extractor),
    }),
    {},
  ),
  phoneFields: z.array(phoneFieldRule).check(z.minLength(1)),
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

// The schema describes the hand-written type exactly: a field added to one must be added to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const describesProfile: Same<z.infer<typeof CrmProfileSchema>, CrmProfile> = true;
void describesProfile;


