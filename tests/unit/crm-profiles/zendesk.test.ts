import { describe, expect, it } from 'vitest';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { zendeskProfile as profile } from '../../../utils/crm/profiles/zendesk';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Zendesk ticket with another ticket tab open', () => {
  const { document, url } = loadFixture(profile, 'ticket.html');

  it('reads the ticket in the URL, not the other open tab', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'zendesk',
      id: '73410',
      reference: null,
      title: 'Invoice charged twice for November',
      customerName: 'Dana Whitaker',
      address: '880 W Lake St, Chicago, IL 60607',
      phones: [
        { label: 'Phone', e164: '+13125550199', raw: '+1 (312) 555-0199' },
        { label: 'Work phone', e164: '+13125550122', raw: '312-555-0122 x31' },
      ],
    });
  });

  it("puts SMS buttons on the requester's phone fields, the extension left out of the number", () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Phone', e164: '+13125550199', at: '#ccp-phone-73410' },
      { label: 'Work phone', e164: '+13125550122', at: '#ccp-work-phone-73410' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('.ticket-panes-grid-layout.active [data-test-id="omnicomposer-rich-text-ckeditor"]'));
  });

  it('reads nothing while the ticket in the URL is not rendered yet', () => {
    const loading = new URL('https://acme.zendesk.com/agent/tickets/73999');
    expect(readCase(profile, document, loading, US)).toBeNull();
    expect(phoneFieldsOnScreen(profile, document, loading, US)).toEqual([]);
  });

  it('searches and opens a new ticket on the same subdomain', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+13125550199' }).url.href).toBe('https://acme.zendesk.com/agent/search/1?q=%2B13125550199');
    expect(buildCaseLink(profile, 'newCase', url, { phone: '+13125550199', name: 'Dana' })).toEqual({
      url: new URL('https://acme.zendesk.com/agent/tickets/new/1'),
      prefilled: [],
    });
    expect(() => buildCaseLink(profile, 'searchByPhone', new URL('https://acme.zendesk.co/agent/tickets/73410'), { phone: '+13125550199' })).toThrow(
      expect.objectContaining({ problem: 'page-not-this-crm' }),
    );
  });
});
