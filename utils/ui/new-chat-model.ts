import { action, effect, signal, type ReadonlySignal } from '@preact/signals';
import { request } from '../messaging/client';
import type { ContactSuggestion } from '../model/contact';
import type { AgentRef } from '../model/conversation';
import { attempt } from './attempt';

/** Typing pauses this long before the phonebook is asked. */
const SUGGEST_DELAY_MS = 200;

/** "+ New": chat with an extension, SMS to a number or contact, group (contract §6). Each opened chat is selected. */
export function createNewChat(deps: { select: (conversationId: string) => void }) {
  const notice = signal<string | null>(null);
  const directory = signal<AgentRef[]>([]);
  const suggestQuery = signal('');
  const suggestions = signal<ContactSuggestion[]>([]);

  effect(() => {
    const query = suggestQuery.value.trim();
    if (query === '') {
      suggestions.value = [];
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      request('panel→bg:suggest-contacts', { query: query.slice(0, 100) }).then(
        (answer) => current && (suggestions.value = answer.suggestions),
        (error: unknown) => console.warn('[parley] contact search failed', error),
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  });

  const loadDirectory = action(async () => {
    await attempt(notice, 'startChatFailed', async () => (directory.value = (await request('panel→bg:directory', {})).agents));
  });
  const opened = (open: () => Promise<{ conversationId: string }>) =>
    attempt(notice, 'startChatFailed', async () => deps.select((await open()).conversationId));

  const startDirect = action((extension: string) => opened(() => request('panel→bg:open-direct', { extension })));
  const startSms = action((number: string, fromNumber?: string) =>
    opened(() => request('panel→bg:open-sms', { number, ...(fromNumber ? { fromNumber } : {}) })),
  );
  const startGroup = action((title: string, extensions: string[], externalNumbers: string[]) =>
    opened(() => request('panel→bg:open-group', { title, extensions, externalNumbers })),
  );

  return {
    directory: directory as ReadonlySignal<AgentRef[]>,
    loadDirectory,
    suggestQuery,
    suggestions: suggestions as ReadonlySignal<ContactSuggestion[]>,
    startDirect,
    startSms,
    startGroup,
    notice: notice as ReadonlySignal<string | null>,
  };
}
