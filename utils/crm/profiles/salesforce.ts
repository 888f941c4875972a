import { joinedTextsAt } from './extractors';
import { ancestorAttribute, ancestorText } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

// Lightning renders every field of a record layout as `records-record-layout-item[field-label]`;
// phone fields hold `lightning-formatted-phone > a[href^="tel:"]`.
const layoutItem = (label: string) => `records-record-layout-item[field-label="${label}"]`;

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const salesforcePageProfile = definePageProfile({
  id: 'salesforce',
  casePages: [/^\/lightning\/r\/(?:Case\/)?(?<id>500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\/view/],
  // Lightning keeps pages visited earlier rendered but hidden; the page on screen is the normal view.
  caseScope: (document) => document.querySelector('.lafSinglePaneWindowManager > .windowViewMode-normal'),
  phoneFields: [
    { selector: 'records-record-layout-item lightning-formatted-phone', label: ancestorAttribute('records-record-layout-item', 'field-label') },
    { selector: 'records-highlights-details-item lightning-formatted-phone', label: ancestorText('records-highlights-details-item', '.slds-text-title') },
    // Edit and new-record forms: lightning-input renders a real <input type="tel">.
    anyPhoneInput,
  ],
});

/** Salesforce Lightning Experience (Service Cloud cases). */
export const salesforceProfile = defineCrmProfile(salesforcePageProfile, {
  name: 'Salesforce Lightning',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  caseView: {
    reference: 'records-lwc-highlights-panel [slot="primaryField"]',
    title: `${layoutItem('Subject')} .test-id__field-value`,
    customerName: `${layoutItem('Contact Name')} .test-id__field-value`,
    // One element per address line, with no separators in the text.
    address: joinedTextsAt('lightning-formatted-address .slds-truncate'),
  },
  noteField: 'lightning-textarea textarea[name="Description"]',
  links: {
    // Global search lives behind a base64 page reference in the one.app hash.
    searchByPhone: ({ phone }) => ({
      path: '/one/one.app',
      hash: btoa(JSON.stringify({ componentDef: 'forceSearch:searchPageDesktop', attributes: { term: phone, scopeMap: { type: 'TOP_RESULTS' } } })),
      prefilled: ['phone'],
    }),
    // defaultFieldValues (Spring '20): "Field=value,…" with each value percent-encoded, as
    // lightning/pageReferenceUtils' encodeDefaultFieldValues does.
    newCase: ({ phone, name }) => {
      const values = { SuppliedPhone: phone, ...(name && { SuppliedName: name }) };
      const defaultFieldValues = Object.entries(values)
        .map(([field, value]) => `${field}=${encodeURIComponent(value)}`)
        .join(',');
      return { path: '/lightning/o/Case/new', params: { defaultFieldValues }, prefilled: name ? ['phone', 'name'] : ['phone'] };
    },
  },
  fixtures: [
    { file: 'case-record.html', url: 'https://acme.lightning.force.com/lightning/r/Case/500Dn00000K7mQpIAJ/view' },
    { file: 'case-new.html', url: 'https://acme.lightning.force.com/lightning/o/Case/new?defaultFieldValues=SuppliedPhone%3D%252B15035550142%2CSuppliedName%3DMaria%2520Lopez' },
  ],
});
