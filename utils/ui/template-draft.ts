import { t } from '../i18n';
import { TemplateSchema, type Template } from '../model/template';

/** The background accepts no more than this (TemplateSchema); the form stops there too. */
export const TEMPLATE_NAME_MAX = TemplateSchema.shape.name.maxLength ?? 100;
export const TEMPLATE_TEXT_MAX = TemplateSchema.shape.body.maxLength ?? 1600;

export type TemplateDraft = { id?: string; name: string; body: string };
/** One sentence per field that is not acceptable; empty when the draft can be saved. */
export type DraftErrors = { name?: string; body?: string };

/**
 * Checks a personal template before it is saved: a name and a text (blank is not one), within the
 * lengths the store accepts, and a name none of the agent's other personal templates has (they
 * pick it by name in the `/` search).
 */
export function checkTemplateDraft(draft: TemplateDraft, personal: readonly Template[]): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  const body = draft.body.trim();
  if (!name) errors.name = t('tplNameRequired');
  else if (name.length > TEMPLATE_NAME_MAX) errors.name = t('tplNameTooLong', String(TEMPLATE_NAME_MAX));
  else if (personal.some((other) => other.id !== draft.id && other.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase())) errors.name = t('tplNameTaken');
  if (!body) errors.body = t('tplTextRequired');
  else if (body.length > TEMPLATE_TEXT_MAX) errors.body = t('tplTextTooLong', String(TEMPLATE_TEXT_MAX));
  return errors;
}
