import { joinedLinesAt } from './extractors';
import { ancestorText, saysPhone, textOf } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

const requesterLabel = ancestorText('.info-details', '.label');

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const freshdeskPageProfile = definePageProfile({
  id: 'freshdesk',
  casePages: [/^\/a\/tickets\/(?<id>\d+)(?:[/?#]|$)/],
  phoneFields: [
    { selector: '.requester-info .info-details .value', accept: (value) => saysPhone(requesterLabel(value)), label: requesterLabel },
    anyPhoneInput,
  ],
});

/** Freshdesk (agent UI under /a/). */
export const freshdeskProfile = defineCrmProfile(freshdeskPageProfile, {
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*'],
  caseView: {
    reference: '.breadcrumb__item.active',
    // The heading also holds its edit button.
    title: (scope) => {
      const heading = scope.querySelector('.ticket-subject-heading')?.cloneNode(true) as Element | undefined;
      heading?.querySelectorAll('.ticket-subject-actions').forEach((actions) => actions.remove());
      return textOf(heading);
    },
    customerName: '[data-test-id="requester-info-name"]',
    address: joinedLinesAt('.requester-info .value.address'),
  },
  noteField: '[data-test-id="note-editor"] .fr-element[contenteditable="true"]',
  links: {
    searchByPhone: ({ phone }) => ({ path: '/a/search/tickets', params: { term: phone }, prefilled: ['phone'] }),
    // The new-ticket form takes no parameters: the requester is picked in it.
    newCase: () => ({ path: '/a/tickets/new', prefilled: [] }),
  },
  fixtures: [{ file: 'ticket.html', url: 'https://acme.freshdesk.com/a/tickets/2048' }],
});
