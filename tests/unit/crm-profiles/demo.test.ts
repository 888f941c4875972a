import { describe, expect, it } from 'vitest';
import { demoProfile as profile } from '../../../utils/crm/profiles/demo';
import { buildCaseLink, CaseLinkError } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('demo CRM case page', () => {
  const { document, url } = loadFixture(profile, 'case-1001.html');

  it('reads the case on screen', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'demo',
      id: '1001',
      reference: null,
      title: 'Parcel delayed in transit',
      customerName: 'Maria Lopez',
      address: '12 Harbor Street, Portland, OR 97201',
      phones: [
        { label: 'Mobile phone', e164: '+15035550142', raw: '(503) 555-0142' },
        { label: 'Home phone', e164: '+15035550177', raw: '+1 503 555 0177' },
      ],
    });
  });

  it('finds both phone fields and the note field', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Mobile phone', e164: '+15035550142', at: 'dt:nth-of-type(2) + dd' },
      { label: 'Home phone', e164: '+15035550177', at: 'dt:nth-of-type(3) + dd' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('#case-note'));
  });
});

describe('demo CRM new-case form', () => {
  const { document, url } = loadFixture(profile, 'new-case.html');

  it('is not a case, and its prefilled phone input gets an SMS button', () => {
    expect(readCase(profile, document, url, US)).toBeNull();
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [{ label: 'Mobile phone', e164: '+15035550142', at: '#new-phone' }]);
  });
});

describe('demo CRM links', () => {
  const page = new URL('http://127.0.0.1:43117/cases/1001');

  it('searches by phone and opens a new case with phone and name, on the page origin and port', () => {
    expect(buildCaseLink(profile, 'searchByPhone', page, { phone: '+15035550142' }).url.href).toBe('http://127.0.0.1:43117/search?phone=%2B15035550142');
    const created = buildCaseLink(profile, 'newCase', page, { phone: '+15035550142', name: ' Maria\u0000 Lopez <b>&amp;\n' });
    expect(created.url.href).toBe('http://127.0.0.1:43117/cases/new?phone=%2B15035550142&name=Maria+Lopez+%3Cb%3E%26amp%3B');
    expect(created.prefilled).toEqual(['phone', 'name']);
    expect(buildCaseLink(profile, 'newCase', page, { phone: '+15035550142', name: '   ' }).prefilled).toEqual(['phone']);
  });

  it('rejects pages of other origins and numbers that are not E.164', () => {
    expect(() => buildCaseLink(profile, 'searchByPhone', new URL('https://example.com/cases/1001'), { phone: '+15035550142' })).toThrow(
      expect.objectContaining({ problem: 'page-not-this-crm' }),
    );
    expect(() => buildCaseLink(profile, 'searchByPhone', page, { phone: '5035550142&admin=1' })).toThrow(CaseLinkError);
  });
});
