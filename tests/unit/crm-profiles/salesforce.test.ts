import { describe, expect, it } from 'vitest';
import { buildCaseLink, CaseLinkError } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { salesforceProfile as profile } from '../../../utils/crm/profiles/salesforce';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Salesforce Lightning case record', () => {
  const { document, url } = loadFixture(profile, 'case-record.html');

  it('reads the case on screen, not the hidden page visited before', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'salesforce',
      id: '500Dn00000K7mQpIAJ',
      reference: '00001026',
      title: 'Replacement thermostat not delivered',
      customerName: 'Grace Whitfield',
      address: '1420 Elm Avenue, Seattle, WA 98101, US',
      phones: [
        { label: 'Contact Phone', e164: '+15035550188', raw: '(503) 555-0188' },
        { label: 'Contact Mobile', e164: '+12065550134', raw: '+1 (206) 555-0134' },
        { label: 'Web Phone', e164: '+442079460958', raw: '+44 20 7946 0958' },
      ],
    });
  });

  it('puts SMS buttons on the phone fields of the highlights panel and the details, not on the order number', () => {
    const normal = '.windowViewMode-normal';
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Contact Phone', e164: '+15035550188', at: `${normal} records-highlights-details-item lightning-formatted-phone` },
      { label: 'Contact Phone', e164: '+15035550188', at: `${normal} [field-label="Contact Phone"] lightning-formatted-phone` },
      { label: 'Contact Mobile', e164: '+12065550134', at: `${normal} [field-label="Contact Mobile"] lightning-formatted-phone` },
      { label: 'Web Phone', e164: '+442079460958', at: `${normal} [field-label="Web Phone"] lightning-formatted-phone` },
    ]);
  });

  it('logs to the Log a Call comments', () => {
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('#input-417'));
  });

  it('builds a global search and a new case with the web phone and name filled in', () => {
    const search = buildCaseLink(profile, 'searchByPhone', url, { phone: '+15035550142' }).url;
    expect(search.origin + search.pathname).toBe('https://acme.lightning.force.com/one/one.app');
    expect(JSON.parse(atob(search.hash.slice(1)))).toEqual({
      componentDef: 'forceSearch:searchPageDesktop',
      attributes: { term: '+15035550142', scopeMap: { type: 'TOP_RESULTS' } },
    });

    const created = buildCaseLink(profile, 'newCase', url, { phone: '+15035550142', name: 'Lopez, María & Co' });
    expect(created.url.href).toBe(
      'https://acme.lightning.force.com/lightning/o/Case/new?defaultFieldValues=SuppliedPhone%3D%252B15035550142%2CSuppliedName%3DLopez%252C%2520Mar%25C3%25ADa%2520%2526%2520Co',
    );
    // Salesforce decodes the parameter, then each value: the name's comma cannot start a new field.
    const values = created.url.searchParams.get('defaultFieldValues')!.split(',').map((pair) => pair.split('=').map(decodeURIComponent));
    expect(values).toEqual([['SuppliedPhone', '+15035550142'], ['SuppliedName', 'Lopez, María & Co']]);
    expect(created.prefilled).toEqual(['phone', 'name']);
  });

  it('builds no link from a page that is not Salesforce', () => {
    expect(() => buildCaseLink(profile, 'newCase', new URL('https://acme.lightning.force.com.evil.example/lightning/r/Case/500Dn00000K7mQpIAJ/view'), { phone: '+15035550142' })).toThrow(CaseLinkError);
  });
});

describe('Salesforce Lightning new case opened by the new-case link', () => {
  const { document, url } = loadFixture(profile, 'case-new.html');

  it('is the page buildCaseLink opens, with the web phone input as the field to text', () => {
    expect(buildCaseLink(profile, 'newCase', new URL('https://acme.lightning.force.com/lightning/page/home'), { phone: '+15035550142', name: 'Maria Lopez' }).url.href).toBe(url.href);
    expect(readCase(profile, document, url, US)).toBeNull();
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [{ label: 'Web Phone', e164: '+15035550142', at: 'input[name="SuppliedPhone"]' }]);
  });
});
