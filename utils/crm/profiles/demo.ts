import { anyPhoneInput } from './phone-fields';
import { textOf } from './labels';
import { defineCrmProfile, definePageProfile } from './schema';

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const demoPageProfile = definePageProfile({
  id: 'demo',
  casePages: [/^\/cases\/(?<id>\d+)(?:[?#]|$)/],
  phoneFields: [
    // "<dt>Mobile phone</dt><dd class="phone">…": the label is the term before the value.
    { selector: 'dd.phone', label: (value) => textOf(value.previousElementSibling) },
    anyPhoneInput,
  ],
});

/** Parley's demo CRM (demo/): the CRM the e2e tests and `npm start` use. */
export const demoProfile = defineCrmProfile(demoPageProfile, {
  name: 'Parley demo CRM',
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  caseView: {
    title: 'h1[data-case-id] .case-title',
    customerName: 'dd.customer',
    address: 'dd.address',
  },
  noteField: 'form[action$="/notes"] textarea[name="note"]',
  links: {
    searchByPhone: ({ phone }) => ({ path: '/search', params: { phone }, prefilled: ['phone'] }),
    newCase: ({ phone, name }) => ({
      path: '/cases/new',
      params: { phone, ...(name && { name }) },
      prefilled: name ? ['phone', 'name'] : ['phone'],
    }),
  },
  fixtures: [
    { file: 'case-1001.html', url: 'http://127.0.0.1:8788/cases/1001' },
    { file: 'new-case.html', url: 'http://127.0.0.1:8788/cases/new?phone=%2B15035550142&name=Maria+Lopez' },
  ],
});
