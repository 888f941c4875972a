import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import { Dialog } from './Dialog';

type Props = { title: string; text: string; confirmLabel: string; onConfirm: () => Promise<unknown>; onCancel: () => void };

/**
 * Asks before something that cannot be undone. Focus opens on Cancel, the safe choice; the
 * confirm button waits for the action (the caller closes the dialog when it is done).
 */
export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onCancel }: Props) {
  const busy = useSignal(false);
  return (
    <Dialog title={title} onCancel={onCancel}>
      <div class="dialog__body">
        <p>{text}</p>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="button button--danger"
            disabled={busy.value}
            onClick={async () => {
              busy.value = true;
              await onConfirm();
              busy.value = false;
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
