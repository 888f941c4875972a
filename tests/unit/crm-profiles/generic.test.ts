import { describe, expect, it } from 'vitest';
import { genericProfile as profile } from '../../../utils/crm/profiles/generic';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { noteFieldOnScreen, phoneFieldsOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { expectPhoneFields, loadFixture, US } from './fixtures';

describe('generic profile on any site', () => {
  const { document, url } = loadFixture(profile, 'contact-form-multilingual.html');

  it('finds phone inputs by type, autocomplete, name, label and aria-label in several languages', () => {
    expectPhoneFields(document, phoneFieldsOnScreen(profile, document, url, US), [
      { label: 'Phone', e164: '+15035550142', at: '#tel-1' },
      { label: 'Mobile', e164: '+15035550177', at: '[name="mobile_number"]' },
      { label: 'Billing phone', e164: '+442079460958', at: '[name="billing-tel"]' },
      { label: 'Handynummer', e164: '+4915123456789', at: '#hnr' },
      { label: 'Teléfono', e164: '+34612345678', at: '[name="txtTelefono"]' },
      { label: 'Téléphone portable', e164: '+33612345678', at: '#fr' },
      { label: 'Cellulare', e164: '+393123456789', at: '#it' },
      { label: 'Mobiel nummer', e164: '+31612345678', at: '#nl' },
      { label: 'Telemóvel', e164: '+351912345678', at: '#pt' },
    ]);
  });

  it('reads no case and builds no links', () => {
    expect(readCase(profile, document, url, US)).toBeNull();
    expect(noteFieldOnScreen(profile, document, url)).toBeNull();
    expect(() => buildCaseLink(profile, 'searchByPhone', url, { phone: '+15035550142' })).toThrow(expect.objectContaining({ problem: 'not-supported' }));
  });
});
