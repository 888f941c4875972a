import { useModel, useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { Template } from '../utils/model/template';
import { checkTemplateDraft, TEMPLATE_NAME_MAX, TEMPLATE_TEXT_MAX, type DraftErrors } from '../utils/ui/template-draft';
import { TemplatesModel } from '../utils/ui/templates-model';
import { ConfirmDialog } from './ConfirmDialog';

const EMPTY = { name: '', body: '' };

/**
 * The agent's own templates on the options page: add one (name and text), edit or rename it,
 * delete it after confirming. They are kept in the extension's store and offered beside the PBX's
 * shared templates in the composer's `/` search. Only while an agent is signed in: the store
 * belongs to one agent, and the first sign-in would clear what was written before it.
 */
export function TemplatesForm({ signedIn }: { signedIn: boolean }) {
  const id = useId();
  return (
    <section class="options__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('tplTitle')}</h2>
      <p class="options__intro">{t('tplIntro')}</p>
      {signedIn ? <TemplatesEditor /> : <p class="muted">{t('tplSignIn')}</p>}
    </section>
  );
}

/** The editor and the list. Problems are named next to their field when the agent saves; nothing is written until the draft is valid. */
function TemplatesEditor() {
  const templates = useModel(TemplatesModel);
  const draft = useSignal<{ id?: string; name: string; body: string }>(EMPTY);
  const errors = useSignal<DraftErrors>({});
  const tried = useSignal(false);
  const status = useSignal<string | null>(null);
  const deleting = useSignal<Template | null>(null);
  const busy = useSignal(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const personal = templates.templates.value.filter((template) => template.scope === 'personal');
  const editing = draft.value.id ? personal.find((template) => template.id === draft.value.id) : undefined;
  const change = (field: 'name' | 'body', value: string) => {
    draft.value = { ...draft.value, [field]: value };
    // Once the agent tried to save, the messages follow their corrections.
    if (tried.value) errors.value = checkTemplateDraft(draft.value, personal);
  };
  const reset = () => {
    draft.value = EMPTY;
    errors.value = {};
    tried.value = false;
  };
  const startEdit = (template: Template) => {
    draft.value = { id: template.id, name: template.name, body: template.body };
    errors.value = {};
    tried.value = false;
    status.value = null;
    nameRef.current?.focus();
  };
  const save = async () => {
    tried.value = true;
    const found = checkTemplateDraft(draft.value, personal);
    errors.value = found;
    if (found.name || found.body) {
      (found.name ? nameRef : bodyRef).current?.focus();
      return;
    }
    busy.value = true;
    const name = draft.value.name.trim();
    const saved = await templates.savePersonal({ ...draft.value, name, body: draft.value.body.trim() });
    busy.value = false;
    if (!saved) return;
    reset();
    status.value = t('tplSaved', name);
    nameRef.current?.focus();
  };
  const remove = async (template: Template) => {
    const removed = await templates.deletePersonal(template.id);
    deleting.value = null;
    if (removed) {
      if (draft.value.id === template.id) reset();
      status.value = t('tplDeleted', template.name);
    }
    // The Delete button that opened the dialog is gone with its template.
    nameRef.current?.focus();
  };

  const notice = templates.notice.value;
  const nameError = errors.value.name;
  const bodyError = errors.value.body;
  return (
    <>
      <form
        class="options__group template-editor"
        noValidate
        aria-labelledby={`${id}-form`}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h3 id={`${id}-form`} class="template-editor__title">
          {editing ? t('tplEditing', editing.name) : t('tplNew')}
        </h3>
        <label class="field">
          <span class="field__label">{t('tplName')}</span>
          <input
            ref={nameRef}
            type="text"
            aria-required="true"
            maxLength={TEMPLATE_NAME_MAX}
            value={draft.value.name}
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            onInput={(event) => change('name', event.currentTarget.value)}
          />
        </label>
        {nameError && (
          <p id={`${id}-name-error`} class="field__error">
            {nameError}
          </p>
        )}
        <label class="field">
          <span class="field__label">{t('tplText')}</span>
          <textarea
            ref={bodyRef}
            rows={4}
            aria-required="true"
            maxLength={TEMPLATE_TEXT_MAX}
            value={draft.value.body}
            aria-invalid={bodyError ? 'true' : undefined}
            aria-describedby={`${id}-count${bodyError ? ` ${id}-body-error` : ''}`}
            onInput={(event) => change('body', event.currentTarget.value)}
          />
        </label>
        <p id={`${id}-count`} class="template-editor__count">
          {t('tplCount', [String(draft.value.body.length), String(TEMPLATE_TEXT_MAX)])}
        </p>
        {bodyError && (
          <p id={`${id}-body-error`} class="field__error">
            {bodyError}
          </p>
        )}
        <div class="options__actions">
          <button type="submit" class="button button--primary" disabled={busy.value}>
            {editing ? t('tplSaveChanges') : t('tplAdd')}
          </button>
          {draft.value.id && (
            <button
              type="button"
              class="button"
              onClick={() => {
                reset();
                nameRef.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
      {/* Always in the page, so what it says next is announced. */}
      <p class={`options__status template-status${notice ? ' options__status--error' : ''}`} role="status">
        {notice ?? status.value}
      </p>
      <h3 id={`${id}-list`} class="template-list__title">
        {t('tplList')}
      </h3>
      {personal.length === 0 ? (
        <p class="muted">{t('tplNone')}</p>
      ) : (
        <ul class="template-list" aria-labelledby={`${id}-list`}>
          {personal.map((template) => (
            <li key={template.id} class="template-list__item">
              <div class="template-list__text">
                <span class="template-list__name">{template.name}</span>
                <span class="template-list__body">{template.body}</span>
              </div>
              <div class="template-list__actions">
                <button type="button" class="button button--small" aria-label={t('tplEditNamed', template.name)} onClick={() => startEdit(template)}>
                  {t('tplEdit')}
                </button>
                <button
                  type="button"
                  class="button button--small button--danger"
                  aria-haspopup="dialog"
                  aria-label={t('tplDeleteNamed', template.name)}
                  onClick={() => (deleting.value = template)}
                >
                  {t('tplDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting.value && (
        <ConfirmDialog
          title={t('tplDeleteTitle', deleting.value.name)}
          text={t('tplDeleteText')}
          confirmLabel={t('tplDelete')}
          onConfirm={() => remove(deleting.value!)}
          onCancel={() => (deleting.value = null)}
        />
      )}
    </>
  );
}
