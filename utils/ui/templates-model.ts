import { action, computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import { fold } from '../db/words';
import { request } from '../messaging/client';
import type { Template } from '../model/template';
import { attempt } from './attempt';
import { live } from './live';

/** The most templates a `/` search offers. */
const MAX_MATCHES = 20;

/** Matches on name or body, case- and accent-insensitive; name matches first. */
export function searchTemplates(templates: readonly Template[], query: string, limit = MAX_MATCHES): Template[] {
  const wanted = fold(query.trim());
  if (wanted === '') return templates.slice(0, limit);
  const byName = templates.filter((template) => fold(template.name).includes(wanted));
  const byBody = templates.filter((template) => !byName.includes(template) && fold(template.body).includes(wanted));
  return [...byName, ...byBody].slice(0, limit);
}

/** Personal templates (kept locally) and the PBX's shared ones, for the composer's `/` search and the options page (contract §7). */
export const TemplatesModel = createModel(() => {
  const templates = signal<Template[]>([]);
  const notice = signal<string | null>(null);
  effect(() => live('templates', [], (rows) => (templates.value = rows)));

  // A signal, not a method: a model's methods run untracked, so a view searching through one would
  // never see the templates that arrive (or change) after it rendered. A new search function each
  // time the templates change re-renders the composer that uses it, its open `/` menu included.
  const search = computed(() => {
    const current = templates.value;
    return (query: string) => searchTemplates(current, query);
  });
  const savePersonal = action((template: { id?: string; name: string; body: string }) =>
    attempt(notice, 'templateSaveFailed', () => request('page→bg:save-template', template)),
  );
  const deletePersonal = action((id: string) => attempt(notice, 'tplDeleteFailed', () => request('page→bg:delete-template', { id })));

  return { templates: templates as ReadonlySignal<Template[]>, search: search as ReadonlySignal<(query: string) => Template[]>, savePersonal, deletePersonal, notice: notice as ReadonlySignal<string | null> };
});
