import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { crmProtocol } from '../messaging/crm-protocol';
import { createRouter } from '../messaging/router';
import { reportCaseOnScreen } from './case-reporter';
import { searchCasesByPhone } from './case-search';
import { asSupportedCountry, crmSitesItem, defaultCountryItem, extraMatchesOf } from './crm-settings';
import { createDock } from './dock';
import { appendToNoteField } from './note-writer';
import { watchPhoneNumbers } from './phone-buttons';
import { buildCaseLink, noteFieldOnScreen, profileForUrl } from './profiles';
import { createRequestCards } from './request-card';

const send = (name: string, payload: object) => browser.runtime.sendMessage({ name, payload });
const warn = (what: string) => (error: unknown) => console.warn(`[parley] ${what}`, error);

/**
 * The CRM page's side of Parley: SMS buttons beside every number, the case on screen reported to
 * the background, the dock, chat-request cards, and the background's requests (search by phone).
 */
export async function startCrmDetector(ctx: ContentScriptContext): Promise<void> {
  const [country, sites] = await Promise.all([defaultCountryItem.getValue(), crmSitesItem.getValue()]);
  const defaultCountry = asSupportedCountry(country);
  const extraMatches = extraMatchesOf(Array.isArray(sites) ? sites : []);
  // The URL changes in a single-page CRM; the profile is picked again each time it is needed.
  const profile = () => profileForUrl(new URL(location.href), extraMatches);

  const screen = reportCaseOnScreen(ctx, profile, defaultCountry);
  const dock = createDock(ctx, {
    canLogToCase: screen.hasNoteField,
    async logToCase() {
      const field = noteFieldOnScreen(profile(), document, new URL(location.href));
      if (!field) return;
      const reply = (await send('crm→bg:log-to-case', {})) as { ok: boolean; value?: { text: string | null } };
      if (reply?.ok && reply.value?.text) appendToNoteField(field, reply.value.text);
    },
  });
  const cards = createRequestCards(ctx, {
    answer: (conversationId) => void send('crm→bg:answer-chat', { conversationId }).catch(warn('could not answer')),
    choose: (conversationId, caseUrl) => void send('crm→bg:choose-case', { conversationId, caseUrl }).catch(warn('could not open the case')),
  });
  watchPhoneNumbers(ctx, { profile: profile(), defaultCountry }, (number) => void dock.open({ number }).catch(warn('could not open the dock')));

  const route = createRouter('crm', crmProtocol, {
    'bg→crm:ping': async () => ({}),
    'bg→crm:open-dock': async ({ conversationId }) => {
      await dock.open({ conversation: conversationId });
      return {};
    },
    'bg→crm:toggle-dock': async () => {
      await dock.toggle();
      return {};
    },
    'bg→crm:chat-request': async (request) => {
      await cards.request(request);
      return {};
    },
    'bg→crm:offer-cases': async ({ cases, ...request }) => {
      await cards.offer(request, cases);
      return {};
    },
    'bg→crm:dismiss-request': async ({ conversationId }) => {
      cards.dismiss(conversationId);
      return {};
    },
    'bg→crm:new-case-url': async ({ phone, name }) => {
      const current = profile();
      return { url: buildCaseLink(current, 'newCase', new URL(location.href), { phone, name }, extraMatches[current.id] ?? []).url.href };
    },
    'bg→crm:search-cases': async ({ phone }) => {
      const current = profile();
      return { cases: await searchCasesByPhone(current, new URL(location.href), phone, extraMatches[current.id] ?? []) };
    },
  });
  const listener = (message: unknown, sender: Parameters<typeof route>[1]) => route(message, sender);
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
