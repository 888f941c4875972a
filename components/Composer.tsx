import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { t } from '../utils/i18n';

type Props = { onSend: (body: string) => Promise<boolean>; disabled?: boolean };

/** Enter sends, Shift+Enter adds a line; blank text never goes out. */
export function Composer({ onSend, disabled = false }: Props) {
  const text = useSignal('');
  const busy = useSignal(false);
  const id = useId();

  const submit = async () => {
    const body = text.value;
    if (busy.value || body.trim() === '') return;
    busy.value = true;
    try {
      if (await onSend(body)) text.value = '';
    } finally {
      busy.value = false;
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for={id}>
        {t('message')}
      </label>
      <textarea
        id={id}
        class="composer__input"
        rows={2}
        maxLength={1600}
        placeholder={t('composerPlaceholder')}
        disabled={disabled}
        value={text.value}
        onInput={(event) => (text.value = event.currentTarget.value)}
        onKeyDown={(event) => {
          // isComposing: Enter that confirms an IME candidate must not send.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <button type="submit" class="button button--primary" disabled={disabled || busy.value}>
        {t('send')}
      </button>
    </form>
  );
}
