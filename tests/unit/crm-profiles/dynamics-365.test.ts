import { describe, expect, it } from 'vitest';
import { dynamics365Profile as profile } from '../../../utils/crm/profiles/dynamics-365';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { caseIdFromUrl, noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('Dynamics 365 case form', () => {
  const { document, url } = loadFixture(profile, 'case-form.html');

  it('reads the case and the customer quick view', () => {
    expect(readCase(profile, document, url, US)).toEqual({
      profileId: 'dynamics-365',
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      reference: 'CAS-01026-K7M2Q9',
      title: 'Printer jams on every job',
      customerName: 'Priya Raman',
      address: 'One Microsoft Way, Redmond, WA 98052, United States',
      phones: [
        { label: 'Business Phone', e164: '+14255550123', raw: '+1 425-555-0123' },
        { label: 'Mobile Phone', e164: '+61412345678', raw: '+61 412 345 678' },
      ],
    });
  });

  it('puts SMS buttons on the phone controls, not on the serial number', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Business Phone', e164: '+14255550123', at: '[data-id="contactquickform.telephone1.fieldControl-phone-text-input"]' },
      { label: 'Mobile Phone', e164: '+61412345678', at: '[data-id="contactquickform.mobilephone.fieldControl-phone-text-input"]' },
    ]);
    expect(noteFieldOnScreen(profile, document, url)).toBe(document.querySelector('[data-id="notescontrol-notetext_id"]'));
  });

  it('finds the case id whatever the parameter order, and only on incident records', () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(caseIdFromUrl(profile, new URL(`https://contoso.crm4.dynamics.com/main.aspx?id=%7b${id}%7d&etn=incident&pagetype=entityrecord`))).toBe(id);
    expect(caseIdFromUrl(profile, new URL(`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${id}`))).toBeNull();
    expect(caseIdFromUrl(profile, new URL(`https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=incident&appid=${id}`))).toBeNull();
  });

  it('searches and opens a new case inside the same app, the text fields prefilled', () => {
    expect(buildCaseLink(profile, 'searchByPhone', url, { phone: '+61412345678' }).url.href).toBe(
      'https://contoso.crm.dynamics.com/main.aspx?appid=2f8b1a3c-5d4e-4f6a-9b7c-1d2e3f4a5b6c&pagetype=search&searchText=%2B61412345678&searchType=1',
    );
    const created = buildCaseLink(profile, 'newCase', url, { phone: '+61412345678', name: 'Priya & Co' }).url;
    expect(created.origin + created.pathname).toBe('https://contoso.crm.dynamics.com/main.aspx');
    expect(Object.fromEntries(created.searchParams)).toEqual({
      appid: '2f8b1a3c-5d4e-4f6a-9b7c-1d2e3f4a5b6c',
      pagetype: 'entityrecord',
      etn: 'incident',
      extraqs: 'title=SMS+from+Priya+%26+Co+%28%2B61412345678%29&description=Customer+phone%3A+%2B61412345678',
    });
    // extraqs is itself a query string: the name's "&" cannot add a field.
    expect(Object.fromEntries(new URLSearchParams(created.searchParams.get('extraqs')!))).toEqual({
      title: 'SMS from Priya & Co (+61412345678)',
      description: 'Customer phone: +61412345678',
    });
  });
});
