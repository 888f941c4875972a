import { describe, expect, it } from 'vitest';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { servicenowProfile as profile } from '../../../utils/crm/profiles/servicenow';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('ServiceNow case form', () => {
  const { document, url } = loadFixture(profile, 'case-form.html');

  it('reads the case from the form fields', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'servicenow',
      id: '9d385017c611228701d22104cc95c371',
      reference: 'CS0001026',
      title: 'Boiler shows error E119 after service visit',
      customerName: 'Sophie Martin',
      address: '14 rue de Rivoli, 75004 Paris',
      phones: [
        { label: 'Business phone', e164: '+33142685300', raw: '+33 1 42 68 53 00' },
        { label: 'Mobile phone', e164: '+33612345678', raw: '+33 6 12 34 56 78' },
      ],
    });
  });

  it('puts SMS buttons on the contact phones, not on the fax or the opened date', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Business phone', e164: '+33142685300', at: '[id="sys_readonly.sn_customerservice_case.contact.phone"]' },
      { label: 'Mobile phone', e164: '+33612345678', at: '[id="sys_readonly.sn_customerservice_case.contact.mobile_phone"]' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.getElementById('activity-stream-work_notes-textarea'));
  });

  it('searches and opens a new case whose query cannot be extended by the name', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+33612345678' }).url.href).toBe(
      'https://acme.service-now.com/text_search_exact_match.do?sysparm_search=%2B33612345678',
    );
    const created = buildCaseLink(profile, 'newCase', url, { phone: '+33612345678', name: 'Sophie^assigned_to=admin' }).url;
    expect(created.pathname).toBe('/sn_customerservice_case.do');
    expect(created.searchParams.get('sys_id')).toBe('-1');
    expect(created.searchParams.get('sysparm_query')).toBe('short_description=SMS from Sophie assigned_to=admin (+33612345678)^description=Customer phone: +33612345678');
  });
});
