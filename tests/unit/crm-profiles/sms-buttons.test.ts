// Every fixture page of every profile, through the content script's spot finder: an SMS button
// goes right after each phone field the profile reads there (once, even when the field's text is
// a number the text scan would also find), and every other button is beside a number in the text.
import { describe, expect, it } from 'vitest';
import { crmProfiles } from '../../../utils/crm/profiles/registry';
import { phoneFieldsOnScreen } from '../../../utils/crm/profiles/read';
import { findSpots } from '../../../utils/crm/spots';
import { loadFixture, US } from './fixtures';

const pages = crmProfiles.flatMap((profile) => profile.fixtures.map(({ file }) => [profile.id, file, profile] as const));

describe.each(pages)('SMS buttons on %s/%s', (_id, file, profile) => {
  it('sit after each phone field of the profile, one per field, and otherwise beside numbers in the text', () => {
    const { document, url } = loadFixture(profile, file);
    const fields = phoneFieldsOnScreen(profile, document, url, US);
    const spots = findSpots([document.body], new WeakSet(), { profile, url, ...US });
    for (const field of fields) {
      expect(spots.filter((spot) => spot.after === field.element), `one button after ${field.label ?? field.raw}`).toHaveLength(1);
    }
    const fieldElements = new Set(fields.map((field) => field.element));
    for (const spot of spots.filter((candidate) => !fieldElements.has(candidate.after as Element))) {
      // A text spot is the text node the number ends in (or a tel: link), never inside a field.
      expect(spot.after.nodeType === Node.TEXT_NODE || (spot.after as Element).matches?.('a[href^="tel:"]')).toBe(true);
      expect(fields.some((field) => field.element.contains(spot.after))).toBe(false);
    }
    expect(spots.every((spot) => /^\+[1-9]\d{6,14}$/.test(spot.hit.e164))).toBe(true);
    expect(spots.length).toBeGreaterThanOrEqual(fields.length);
  });
});
