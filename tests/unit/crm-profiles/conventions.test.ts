// The rules every CRM profile follows, checked for all of them at once (refined-github style):
// a new profile that forgets its fixtures, its tests or a valid pattern fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestMatch } from '../../../utils/crm/profiles/match';
import { caseIdFromUrl } from '../../../utils/crm/profiles/read';
import { crmPageProfiles, pageProfileById } from '../../../utils/crm/profiles/page-registry';
import { crmProfiles, profileForUrl } from '../../../utils/crm/profiles/registry';
import { CrmProfileSchema } from '../../../utils/crm/profiles/profile-schema';
import { FIXTURES_DIR, loadFixture } from './fixtures';

const PROFILES_DIR = resolve(import.meta.dirname, '../../../utils/crm/profiles');
const readme = readFileSync(resolve(FIXTURES_DIR, 'README.md'), 'utf8');

describe('CRM profile conventions', () => {
  it('ids are unique, and each profile lives in a file named after its id', () => {
    const ids = crmProfiles.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(resolve(PROFILES_DIR, `${id}.ts`)), `utils/crm/profiles/${id}.ts`).toBe(true);
  });

  it('every profile is registered', () => {
    const profileFiles = readdirSync(PROFILES_DIR)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /defineCrmProfile\(/.test(readFileSync(resolve(PROFILES_DIR, file), 'utf8')) && file !== 'schema.ts');
    expect(profileFiles.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(crmProfiles.map((profile) => profile.id).sort());
  });

  it('every fixture file belongs to its profile, and every profile has a test file', () => {
    const folders = readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((folder) => folder.name).sort()).toEqual(crmProfiles.map((profile) => profile.id).sort());
    for (const profile of crmProfiles) {
      const files = readdirSync(resolve(FIXTURES_DIR, profile.id)).sort();
      expect(files, `fixtures of ${profile.id}`).toEqual(profile.fixtures.map((fixture) => fixture.file).sort());
      const test = resolve(import.meta.dirname, `${profile.id}.test.ts`);
      expect(existsSync(test), `tests/unit/crm-profiles/${profile.id}.test.ts`).toBe(true);
      // The profile's test loads every one of its fixtures.
      for (const { file } of profile.fixtures) expect(readFileSync(test, 'utf8'), `${profile.id}.test.ts uses ${file}`).toContain(`'${file}'`);
    }
  });

  it('every fixture is described in the fixtures README (source or reconstruction)', () => {
    for (const profile of crmProfiles) {
      for (const { file } of profile.fixtures) expect(readme, `README mentions ${profile.id}/${file}`).toContain(`${profile.id}/${file}`);
    }
  });

  it('fixtures are static pages: no scripts, no inline handlers, no javascript: URLs', () => {
    for (const profile of crmProfiles) {
      for (const { file } of profile.fixtures) {
        const html = readFileSync(resolve(FIXTURES_DIR, profile.id, file), 'utf8');
        expect(html, `${profile.id}/${file}`).not.toMatch(/<script\b|\son[a-z]+\s*=|javascript:/i);
      }
    }
  });

  it("every profile's page part (all the detector carries) is registered for the detector, and is the part the whole profile holds", () => {
    expect(crmPageProfiles.map((page) => page.id).sort()).toEqual(crmProfiles.map((profile) => profile.id).sort());
    for (const profile of crmProfiles) {
      const page = pageProfileById(profile.id);
      expect(page.id).toBe(profile.id);
      expect(profile.casePages).toBe(page.casePages);
      expect(profile.phoneFields).toBe(page.phoneFields);
      expect(profile.caseScope).toBe(page.caseScope);
    }
    expect(pageProfileById('no-such-profile').id).toBe('generic');
  });

  it('profiles pass their schema, and each fixture URL is one the registry gives to that profile', () => {
    for (const profile of crmProfiles) {
      expect(() => CrmProfileSchema.parse(profile)).not.toThrow();
      for (const fixture of profile.fixtures) {
        const url = new URL(fixture.url);
        expect(bestMatch(profile.matches, url), `${profile.id} matches ${fixture.url}`).toBeGreaterThanOrEqual(0);
        expect(profileForUrl(url).id, fixture.url).toBe(profile.id);
      }
    }
  });

  it('a profile that reads cases has a fixture of a case page', () => {
    for (const profile of crmProfiles.filter((candidate) => candidate.casePages.length > 0)) {
      expect(profile.fixtures.some((fixture) => caseIdFromUrl(profile, new URL(fixture.url))), profile.id).toBe(true);
    }
  });

  it('every selector a profile declares is valid CSS', () => {
    for (const profile of crmProfiles) {
      const { document } = loadFixture(profile, profile.fixtures[0]!.file);
      const selectors = [
        ...profile.phoneFields.map((rule) => rule.selector),
        ...Object.values(profile.caseView).filter((extractor): extractor is string => typeof extractor === 'string'),
        ...(profile.noteField ? [profile.noteField] : []),
      ];
      for (const selector of selectors) expect(() => document.querySelectorAll(selector), `${profile.id}: ${selector}`).not.toThrow();
    }
  });

  it('rejects malformed profiles when they are defined', () => {
    const valid = { id: 'x', name: 'X', matches: ['https://x.example/*'], phoneFields: [{ selector: 'input', label: () => null }], fixtures: [{ file: 'a.html', url: 'https://x.example/' }] };
    expect(CrmProfileSchema.safeParse(valid).success).toBe(true);
    expect(CrmProfileSchema.safeParse({ ...valid, id: 'Not Kebab' }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, matches: ['https://x.example'] }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, matches: ['https://x*.example/*'] }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, casePages: [/\/cases\/(\d+)/] }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, fixtures: [] }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, fixtures: [{ file: '../x.html', url: 'https://x.example/' }] }).success).toBe(false);
    expect(CrmProfileSchema.safeParse({ ...valid, phoneFields: [{ selector: 'input', label: 'Phone' }] }).success).toBe(false);
  });
});
