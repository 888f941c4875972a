import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import type { ContactSuggestion } from '../utils/model/contact';
import { ContactSearch } from './ContactSearch';
import { Dialog } from './Dialog';
import { MemberPicker } from './MemberPicker';
import { NumberChips } from './NumberChips';

export type AddParticipants = { extensions?: string[]; externalNumbers?: string[] };
export type ContactLookup = { query: string; onQuery: (query: string) => void; suggestions: ContactSuggestion[] };

type Props = {
  directory: Array<{ id: string; extension: string; name: string }>;
  contacts: ContactLookup;
  onAdd: (add: AddParticipants) => Promise<boolean>;
  onCancel: () => void;
};

/** Seed 002 "Add Participants": more extensions, or external numbers that get the group's texts as SMS. */
export function AddParticipantsDialog({ directory, contacts, onAdd, onCancel }: Props) {
  const extensions = useSignal<string[]>([]);
  const numbers = useSignal<Array<{ number: string; name: string | null }>>([]);
  const busy = useSignal(false);
  const nothing = extensions.value.length === 0 && numbers.value.length === 0;
  return (
    <Dialog title={t('addParticipantsTitle')} onCancel={onCancel}>
      <form
        class="dialog__body"
        onSubmit={async (event) => {
          event.preventDefault();
          if (nothing) return;
          busy.value = true;
          const done = await onAdd({ extensions: extensions.value, externalNumbers: numbers.value.map((entry) => entry.number) });
          busy.value = false;
          if (done) onCancel();
        }}
      >
        <MemberPicker agents={directory} chosen={extensions.value} onChange={(value) => (extensions.value = value)} />
        <ContactSearch
          label={t('addExternalNumber')}
          {...contacts}
          onPick={(number, name) => {
            if (!numbers.value.some((entry) => entry.number === number)) numbers.value = [...numbers.value, { number, name }];
          }}
        />
        <NumberChips numbers={numbers.value} onRemove={(number) => (numbers.value = numbers.value.filter((entry) => entry.number !== number))} />
        <div class="dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={nothing || busy.value}>
            {t('add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
