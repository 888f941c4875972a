import type { CaseReport } from './case-reporter';
import type { ChatRequest, FoundCase } from './case-protocol';
import { searchCasesByPhone } from './case-search';
import { createDock, type DockTarget } from './dock';
import { appendToNoteField } from './note-writer';
import { sendToBackground } from './page-runtime';
import { buildCaseLink, noteFieldOnScreen, profileForUrl, readCase, type ExtraMatches } from './profiles';
import type { SupportedCountry } from '../sms/detect';
import { createRequestCards } from './request-card';

export interface CrmUiOptions {
  defaultCountry: SupportedCountry;
  /** The sites the agent assigned to a profile. */
  extraMatches: ExtraMatches;
}

const warn = (what: string) => (error: unknown) => console.warn(`[parley] ${what}`, error);

/**
 * The CRM page's on-demand part (the crm-ui script): the case reader with the whole profiles, the
 * dock, the chat-request cards, the case search and new-case links, and Log to case. Most pages
 * never need it, so it is not in the detector every CRM page gets; the detector loads it on a case
 * page, when the agent clicks an SMS button, or when the background asks for one of these
 * (utils/crm/crm-ui-loader.ts).
 */
export function createCrmUi({ defaultCountry, extraMatches }: CrmUiOptions) {
  const page = () => new URL(location.href);
  // The URL changes in a single-page CRM; the profile is picked again each time it is needed.
  const profile = () => profileForUrl(page(), extraMatches);
  const noteField = () => noteFieldOnScreen(profile(), document, page());
  const dock = createDock({
    canLogToCase: () => noteField() !== null,
    async logToCase() {
      const field = noteField();
      if (!field) return;
      const reply = (await sendToBackground('crm→bg:log-to-case', {})) as { ok: boolean; value?: { text: string | null } };
      if (reply?.ok && reply.value?.text) appendToNoteField(field, reply.value.text);
    },
  });
  const cards = createRequestCards({
    answer: (conversationId) => void sendToBackground('crm→bg:answer-chat', { conversationId }).catch(warn('could not answer')),
    choose: (conversationId, caseUrl) => void sendToBackground('crm→bg:choose-case', { conversationId, caseUrl }).catch(warn('could not open the case')),
  });
  return {
    readCase: (url: URL): CaseReport => ({
      case: readCase(profile(), document, url, { defaultCountry }),
      hasNoteField: noteFieldOnScreen(profile(), document, url) !== null,
    }),
    openDock: (target: DockTarget) => dock.open(target),
    toggleDock: () => dock.toggle(),
    showRequest: (request: ChatRequest) => cards.request(request),
    offerCases: (request: ChatRequest, cases: FoundCase[]) => cards.offer(request, cases),
    dismissRequest: (conversationId: string) => cards.dismiss(conversationId),
    newCaseUrl(phone: string, name?: string): string {
      const current = profile();
      return buildCaseLink(current, 'newCase', page(), { phone, name }, extraMatches[current.id] ?? []).url.href;
    },
    searchCases(phone: string): Promise<FoundCase[]> {
      const current = profile();
      return searchCasesByPhone(current, page(), phone, extraMatches[current.id] ?? []);
    },
  };
}

export type CrmUi = ReturnType<typeof createCrmUi>;
