import { useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import { t } from '../utils/i18n';
import { SendRoutePicker, type SendRoute } from './SendRoutePicker';
import { SmsCounter } from './SmsCounter';
import type { Template } from '../utils/model/template';
import { TemplateMenu } from './TemplateMenu';

type Props = {
  onSend: (body: string) => Promise<boolean>;
  /** Why nothing can be sent now (opted out, closed, not claimed…): the box is disabled and says so. */
  blockedReason?: string | null;
  /** The text travels as SMS (a customer thread, or a group with external numbers): show what it costs. */
  sms?: boolean;
  splitLongTexts?: boolean;
  searchTemplates?: (query: string) => Template[];
  route?: SendRoute;
};

/** The `/query` being typed at the start of the caret's line, or null when there is none. */
function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  const line = text.slice(lineStart, caret);
  return line.startsWith('/') ? { start: lineStart, query: line.slice(1) } : null;
}

/**
 * Enter sends, Shift+Enter adds a line; blank text never goes out, and nothing goes out but by Send
 * (Enter or the button). Typing `/` at the start of a line searches templates; picking one only
 * inserts its text.
 */
export function Composer({ onSend, blockedReason = null, sms = false, splitLongTexts = false, searchTemplates, route }: Props) {
  const text = useSignal('');
  const busy = useSignal(false);
  const caret = useSignal(0);
  const activeTemplate = useSignal(0);
  const menuDismissed = useSignal(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const disabled = blockedReason !== null;

  const slash = searchTemplates && !menuDismissed.value ? slashQuery(text.value, caret.value) : null;
  const matches = slash && searchTemplates ? searchTemplates(slash.query) : [];
  const menuOpen = slash !== null;

  const setText = (value: string, at: number) => {
    text.value = value;
    caret.value = at;
    activeTemplate.value = 0;
  };

  const insert = (template: Template) => {
    if (!slash) return;
    const before = text.value.slice(0, slash.start);
    const after = text.value.slice(caret.value);
    const at = before.length + template.body.length;
    setText(before + template.body + after, at);
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  const submit = async () => {
    const body = text.value;
    if (busy.value || disabled || body.trim() === '') return;
    busy.value = true;
    try {
      if (await onSend(body)) setText('', 0);
    } finally {
      busy.value = false;
      box.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (menuOpen) {
      if (event.key === 'Escape') {
        event.preventDefault();
        menuDismissed.value = true;
        return;
      }
      if (matches.length > 0) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          activeTemplate.value = (activeTemplate.value + step + matches.length) % matches.length;
          return;
        }
        if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
          event.preventDefault();
          insert(matches[activeTemplate.value] ?? matches[0]!);
          return;
        }
      }
    }
    // isComposing: Enter that confirms an IME candidate must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const described = [sms && `${id}-counter`, disabled && `${id}-blocked`].filter(Boolean).join(' ') || undefined;
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {route && <SendRoutePicker {...route} />}
      {disabled && (
        <p id={`${id}-blocked`} class="composer__blocked" role="status">
          {blockedReason}
        </p>
      )}
      <div class="composer__row">
        <label class="visually-hidden" for={id}>
          {t('message')}
        </label>
        <textarea
          ref={box}
          id={id}
          class="composer__input"
          rows={2}
          maxLength={1600}
          placeholder={searchTemplates ? t('composerPlaceholderTemplates') : t('composerPlaceholder')}
          disabled={disabled}
          aria-describedby={described}
          // A textbox may not carry aria-expanded (axe: critical); aria-autocomplete with
          // aria-controls and aria-activedescendant is how a textbox announces its template list.
          aria-autocomplete={searchTemplates ? 'list' : undefined}
          aria-controls={menuOpen ? `${id}-templates` : undefined}
          aria-activedescendant={menuOpen && matches.length > 0 ? `${id}-templates-${activeTemplate.value}` : undefined}
          value={text.value}
          onInput={(event) => {
            menuDismissed.value = false;
            setText(event.currentTarget.value, event.currentTarget.selectionStart ?? event.currentTarget.value.length);
          }}
          onSelect={(event) => (caret.value = event.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="button button--primary" disabled={disabled || busy.value}>
          {t('send')}
        </button>
      </div>
      {menuOpen && <TemplateMenu id={`${id}-templates`} templates={matches} active={activeTemplate.value} onPick={insert} />}
      {sms && <SmsCounter id={`${id}-counter`} text={text.value} split={splitLongTexts} />}
    </form>
  );
}
