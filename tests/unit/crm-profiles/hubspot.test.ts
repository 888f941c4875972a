import { describe, expect, it } from 'vitest';
import { hubspotProfile as profile } from '../../../utils/crm/profiles/hubspot';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('HubSpot ticket record', () => {
  const { document, url } = loadFixture(profile, 'ticket-record.html');

  it('reads the ticket and its associated contact', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'hubspot',
      id: '1839204756',
      reference: null,
      title: 'Router drops Wi-Fi every evening',
      customerName: 'Jonas Becker',
      address: null,
      phones: [
        { label: 'Callback number', e164: '+4930901820', raw: '+49 30 901820' },
        { label: 'Phone number', e164: '+4915123456789', raw: '+49 1512 3456789' },
      ],
    });
  });

  it('puts SMS buttons on phone properties and the contact card, not on the order reference', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Callback number', e164: '+4930901820', at: '[data-selenium-test="property-input-callback_number"]' },
      { label: 'Phone number', e164: '+4915123456789', at: '[data-selenium-test="association-card-phone"] a' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('.ProseMirror'));
  });

  it('searches tickets in the portal of the page; it has no new-ticket link', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+4915123456789' }).url.href).toBe(
      'https://app.hubspot.com/contacts/24681357/objects/0-5/views/all/list?query=%2B4915123456789',
    );
    expect(() => buildCaseLink(profile, 'newCase', url, { phone: '+4915123456789' })).toThrow(expect.objectContaining({ problem: 'not-supported' }));
    // A HubSpot page outside a portal gives no portal id to search in.
    expect(() => buildCaseLink(profile, 'searchByPhone', new URL('https://app.hubspot.com/login'), { phone: '+4915123456789' })).toThrow(
      expect.objectContaining({ problem: 'not-supported' }),
    );
  });
});
