import { describe, expect, it } from 'vitest';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { requestTrackerProfile as profile } from '../../../utils/crm/profiles/request-tracker';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Request Tracker ticket display', () => {
  const { document, url } = loadFixture(profile, 'ticket-display.html');

  it('reads the ticket, its requestor and its custom fields', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'request-tracker',
      id: '1187',
      reference: null,
      title: 'No hot water since Tuesday',
      customerName: 'Lisa Nguyen',
      address: '2150 Blake Street, Apt 4B, Denver, CO 80205',
      phones: [
        { label: 'Mobile phone', e164: '+17205550175', raw: '(720) 555-0175' },
        { label: 'Landline', e164: '+17205550111', raw: '+1 720 555 0111' },
      ],
    });
  });

  it('puts SMS buttons on the phone custom fields, not on the empty one or the serial number', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Mobile phone', e164: '+17205550175', at: '#CF-3-ShowRow .current-value' },
      { label: 'Landline', e164: '+17205550111', at: '#CF-4-ShowRow .current-value' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBeNull();
  });

  it('searches and creates tickets on the same RT', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+17205550175' }).url.href).toBe('https://rt.example.org/Search/Simple.html?q=%2B17205550175');
    expect(buildCaseLink(profile, 'newCase', url, { phone: '+17205550175', name: 'Lisa Nguyen' }).url.href).toBe(
      'https://rt.example.org/Ticket/Create.html?Subject=SMS+from+Lisa+Nguyen+%28%2B17205550175%29&Content=Customer+phone%3A+%2B17205550175',
    );
  });
});

describe('Request Tracker comment page under a path prefix', () => {
  const { document, url } = loadFixture(profile, 'ticket-comment.html');

  it('knows the ticket and offers its message box for "Log to case"', () => {
    expect(readCase(profile, document, url, US)).toMatchObject({ id: '1187', title: 'No hot water since Tuesday', phones: [{ label: 'Mobile phone', e164: '+17205550175' }] });
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [{ label: 'Mobile phone', e164: '+17205550175', at: '.custom-field .current-value' }]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.getElementById('UpdateContent'));
  });

  it('keeps the prefix in its links', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+17205550175' }).url.href).toBe('https://support.example.net/rt/Search/Simple.html?q=%2B17205550175');
  });
});
