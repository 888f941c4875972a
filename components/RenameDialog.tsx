import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import { Dialog } from './Dialog';

type Props = { current: string; onRename: (title: string) => Promise<boolean>; onCancel: () => void };

export function RenameDialog({ current, onRename, onCancel }: Props) {
  const title = useSignal(current);
  const busy = useSignal(false);
  const trimmed = title.value.trim();
  return (
    <Dialog title={t('renameTitle')} onCancel={onCancel}>
      <form
        class="dialog__body"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!trimmed) return;
          busy.value = true;
          const done = await onRename(trimmed);
          busy.value = false;
          if (done) onCancel();
        }}
      >
        <label class="field">
          <span class="field__label">{t('groupName')}</span>
          <input type="text" required maxLength={100} value={title.value} onInput={(event) => (title.value = event.currentTarget.value)} />
        </label>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!trimmed || trimmed === current || busy.value}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
