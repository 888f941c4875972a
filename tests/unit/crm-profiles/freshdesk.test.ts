import { describe, expect, it } from 'vitest';
import { freshdeskProfile as profile } from '../../../utils/crm/profiles/freshdesk';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Freshdesk ticket', () => {
  const { document, url } = loadFixture(profile, 'ticket.html');

  it('reads the ticket and its requester', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'freshdesk',
      id: '2048',
      reference: '#2048',
      title: 'Delivery address wrong on order',
      customerName: 'Noah Fischer',
      address: 'Bahnhofstrasse 1, 8001 Zürich',
      phones: [
        { label: 'Work phone', e164: '+41446681800', raw: '+41 44 668 18 00' },
        { label: 'Mobile phone', e164: '+41791234567', raw: '+41 79 123 45 67' },
      ],
    });
  });

  it("puts SMS buttons on the requester's phones", () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Work phone', e164: '+41446681800', at: '.info-details:nth-of-type(3) .value' },
      { label: 'Mobile phone', e164: '+41791234567', at: '.info-details:nth-of-type(4) .value' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('.fr-element'));
  });

  it('searches on the same helpdesk; the new-ticket form takes no prefill', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+41791234567' }).url.href).toBe('https://acme.freshdesk.com/a/search/tickets?term=%2B41791234567');
    expect(buildCaseLink(profile, 'newCase', url, { phone: '+41791234567' })).toEqual({ url: new URL('https://acme.freshdesk.com/a/tickets/new'), prefilled: [] });
  });
});
