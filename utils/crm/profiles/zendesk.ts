import { joinedLines } from './extractors';
import { formFieldLabel } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const zendeskPageProfile = definePageProfile({
  id: 'zendesk',
  casePages: [/^\/agent\/tickets\/(?<id>\d+)(?:[/?#]|$)/],
  // Every open ticket tab stays rendered; the one in the URL is the pane anchored on its id.
  caseScope: (document, caseId) =>
    [...document.querySelectorAll('[data-side-conversations-anchor-id]')]
      .find((anchor) => anchor.getAttribute('data-side-conversations-anchor-id') === caseId)
      ?.closest('.ticket-panes-grid-layout') ?? null,
  // The customer context shows the requester's fields as Garden text inputs with labels.
  phoneFields: [anyPhoneInput],
});

/** Zendesk Support, Agent Workspace. */
export const zendeskProfile = defineCrmProfile(zendeskPageProfile, {
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],
  caseView: {
    title: 'input[data-test-id="omni-header-subject"]',
    customerName: '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="dropdowns.combobox.value"]',
    // A user field of the requester, known by its label.
    address: (scope) =>
      joinedLines([...scope.querySelectorAll('[data-test-id="customer-context-user-fields"] textarea')].find((field) => /^address$/i.test(formFieldLabel(field) ?? ''))),
  },
  noteField: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  links: {
    searchByPhone: ({ phone }) => ({ path: '/agent/search/1', params: { q: phone }, prefilled: ['phone'] }),
    // A new ticket tab takes no parameters: the requester is picked in the form.
    newCase: () => ({ path: '/agent/tickets/new/1', prefilled: [] }),
  },
  fixtures: [{ file: 'ticket.html', url: 'https://acme.zendesk.com/agent/tickets/73410' }],
});
