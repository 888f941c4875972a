import { describe, expect, it } from 'vitest';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { zohoDeskProfile as profile } from '../../../utils/crm/profiles/zoho-desk';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Zoho Desk ticket details', () => {
  const { document, url } = loadFixture(profile, 'ticket-details.html');

  it('reads the ticket and its contact', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'zoho-desk',
      id: '512000000123456',
      reference: '#5531',
      title: 'Refund not received for cancelled plan',
      customerName: 'Ananya Iyer',
      address: '221 MG Road, Bengaluru 560001, India',
      phones: [
        { label: 'Mobile', e164: '+919876543210', raw: '+91 98765 43210' },
        { label: 'Phone', e164: '+918040123456', raw: '+91 80 4012 3456' },
      ],
    });
  });

  it("puts SMS buttons on the contact's mobile and the ticket's phone field, not on the invoice number", () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Mobile', e164: '+919876543210', at: '[data-id="contactMobile"] .zd-field__value' },
      { label: 'Phone', e164: '+918040123456', at: '#zd-phone' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('[data-id="commentEditorArea"]'));
  });

  it('builds links inside the portal and department of the page', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+919876543210' }).url.href).toBe(
      'https://desk.zoho.com/agent/acmesupport/support/search/all?searchStr=%2B919876543210',
    );
    expect(buildCaseLink(profile, 'newCase', url, { phone: '+919876543210' }).url.href).toBe('https://desk.zoho.com/agent/acmesupport/support/tickets/new');
  });
});
