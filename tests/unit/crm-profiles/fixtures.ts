// Loads a profile's saved CRM pages and states expectations about them compactly.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { CrmProfile, PhoneField } from '../../../utils/crm/profiles/schema';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures/crm');

export const US = { defaultCountry: 'US' } as const;

/** A fixture page as the content script would see it: a parsed document (no scripts run) and its URL. */
export function loadFixture(profile: CrmProfile, file: string): { document: Document; url: URL } {
  const fixture = profile.fixtures.find((candidate) => candidate.file === file);
  if (!fixture) throw new Error(`${profile.id} names no fixture ${file}`);
  const html = readFileSync(resolve(FIXTURES_DIR, profile.id, file), 'utf8');
  return { document: new DOMParser().parseFromString(html, 'text/html'), url: new URL(fixture.url) };
}

/** Each expected field is found, in this order, at the element `at` selects, and no other. */
export function expectPhoneFields(document: Document, found: PhoneField[], expected: Array<{ label: string | null; e164: string; at: string }>): void {
  expect(found.map(({ label, e164 }) => ({ label, e164 }))).toEqual(expected.map(({ label, e164 }) => ({ label, e164 })));
  expected.forEach(({ at }, index) => {
    const element = document.querySelectorAll(at);
    expect(element.length, `"${at}" selects one element`).toBe(1);
    expect(found[index]!.element, `field ${index} sits at "${at}"`).toBe(element[0]);
  });
}
