import { joinedLinesAt } from './extractors';
import { ancestorText, saysPhone } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

const contactLabel = ancestorText('.zd-field', 'label');

/** The portal and department of the page: every agent URL is /agent/<portal>/<department>/…. */
const deskPath = (page: URL) => /^\/agent\/[^/]+\/[^/]+/.exec(page.pathname)?.[0];

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const zohoDeskPageProfile = definePageProfile({
  id: 'zoho-desk',
  casePages: [/^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(?<id>\d+)(?:[/?#]|$)/],
  phoneFields: [
    { selector: '[data-id="contactCard"] .zd-field__value', accept: (value) => saysPhone(contactLabel(value)), label: contactLabel },
    anyPhoneInput,
  ],
});

/** Zoho Desk, agent interface. */
export const zohoDeskProfile = defineCrmProfile(zohoDeskPageProfile, {
  name: 'Zoho Desk',
  // One data centre per region, each its own origin.
  matches: ['https://desk.zoho.com/*', 'https://desk.zoho.eu/*', 'https://desk.zoho.in/*', 'https://desk.zoho.com.au/*', 'https://desk.zoho.jp/*'],
  caseView: {
    reference: '[data-id="ticketNumber"]',
    title: '[data-id="ticketSubject"]',
    customerName: '[data-id="contactName"]',
    address: joinedLinesAt('[data-id="contactAddress"] .zd-field__value'),
  },
  noteField: '[data-id="commentEditorArea"]',
  links: {
    searchByPhone: ({ phone, page }) => {
      const base = deskPath(page);
      return base ? { path: `${base}/search/all`, params: { searchStr: phone }, prefilled: ['phone'] } : null;
    },
    newCase: ({ page }) => {
      const base = deskPath(page);
      return base ? { path: `${base}/tickets/new`, prefilled: [] } : null;
    },
  },
  fixtures: [{ file: 'ticket-details.html', url: 'https://desk.zoho.com/agent/acmesupport/support/tickets/details/512000000123456' }],
});
