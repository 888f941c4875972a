import { joinedLinesAt } from './extractors';
import { ancestorText, saysPhone, textOf } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile } from './schema';

const requesterLabel = ancestorText('.info-details', '.label');

/** Freshdesk (agent UI under /a/). */
export const freshdeskProfile = defineCrmProfile({
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*'],
  casePages: [/^\/a\/tickets\/(?<id>\d+)(?:[/?#]|$)/],
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
  phoneFields: [
    { selector: '.requester-info .info-details .value', accept: (value) => saysPhone(requesterLabel(value)), label: requesterLabel },
    anyPhoneInput,
  ],
  noteField: '[data-test-id="note-editor"] .fr-element[contenteditable="true"]',
  links: {
    searchByPhone: ({ phone }) => ({ path: '/a/search/tickets', params: { term: phone }, prefilled: ['phone'] }),
    // The new-ticket form takes no parameters: the requester is picked in it.
    newCase: () => ({ path: '/a/tickets/new', prefilled: [] }),
  },
  fixtures: [{ file: 'ticket.html', url: 'https://acme.freshdesk.com/a/tickets/2048' }],
});
