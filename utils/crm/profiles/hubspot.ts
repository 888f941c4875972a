import { ancestorText, saysPhone } from './labels';
import { defineCrmProfile, definePageProfile } from './schema';

// HubSpot's built-in phone properties; custom ones are told apart by their label.
const PHONE_PROPERTIES = new Set(['phone', 'mobilephone', 'hs_whatsapp_phone_number', 'hs_calculated_phone_number']);
const propertyLabel = ancestorText('[data-profile-property]', 'label');

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const hubspotPageProfile = definePageProfile({
  id: 'hubspot',
  // The portal id is the first number in every path; tickets are object 0-5 ("/ticket/" before 2022).
  casePages: [/^\/contacts\/\d+\/(?:record\/0-5|ticket)\/(?<id>\d+)(?:[/?#]|$)/],
  phoneFields: [
    {
      selector: '[data-profile-property] input[data-selenium-test^="property-input-"]',
      accept: (input) => PHONE_PROPERTIES.has(input.getAttribute('data-field') ?? '') || saysPhone(propertyLabel(input)),
      label: propertyLabel,
    },
    { selector: '[data-selenium-test="association-card-phone"] a[href^="tel:"]', label: ancestorText('[data-selenium-test="association-card-phone"]', '.association-card__label') },
  ],
});

/** HubSpot Service Hub tickets (the record page of object 0-5). */
export const hubspotProfile = defineCrmProfile(hubspotPageProfile, {
  name: 'HubSpot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*'],
  caseView: {
    title: '[data-selenium-test="highlightTitle"]',
    customerName: '[data-selenium-test="associated-contact-card"] [data-selenium-test="association-card-title"]',
  },
  noteField: '[data-selenium-test="rich-text-editor"] [contenteditable="true"]',
  links: {
    // The ticket index keeps its search box in ?query=. HubSpot's create-ticket panel takes no
    // URL parameters, so there is no new-case link.
    searchByPhone: ({ phone, page }) => {
      const portal = /^\/contacts\/(\d+)\//.exec(page.pathname)?.[1];
      return portal ? { path: `/contacts/${portal}/objects/0-5/views/all/list`, params: { query: phone }, prefilled: ['phone'] } : null;
    },
  },
  fixtures: [{ file: 'ticket-record.html', url: 'https://app.hubspot.com/contacts/24681357/record/0-5/1839204756' }],
});
