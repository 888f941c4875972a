import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import type { ContactLookup } from './AddParticipantsDialog';
import { ContactSearch } from './ContactSearch';
import { Dialog } from './Dialog';
import { MemberPicker } from './MemberPicker';
import { NumberChips } from './NumberChips';
import type { PhoneOption } from './SendRoutePicker';

export interface NewConversationActions {
  directory: Array<{ id: string; extension: string; name: string }>;
  callerIds: PhoneOption[];
  contacts: ContactLookup;
  startDirect: (extension: string) => Promise<boolean>;
  startSms: (number: string, fromNumber?: string) => Promise<boolean>;
  startGroup: (title: string, extensions: string[], externalNumbers: string[]) => Promise<boolean>;
}

type Kind = 'chat' | 'sms' | 'group';
type Props = { actions: NewConversationActions; onCancel: () => void; onStarted: () => void };

/**
 * Seed 002 "+ New": a direct chat with a colleague, an SMS to a number or contact, or a named group
 * of colleagues with optional external numbers.
 */
export function NewConversationDialog({ actions, onCancel, onStarted }: Props) {
  const kind = useSignal<Kind>('sms');
  const extension = useSignal<string>('');
  const recipient = useSignal<{ number: string; name: string | null } | null>(null);
  const fromNumber = useSignal<string>(actions.callerIds[0]?.number ?? '');
  const title = useSignal('');
  const members = useSignal<string[]>([]);
  const externals = useSignal<Array<{ number: string; name: string | null }>>([]);
  const busy = useSignal(false);

  const ready =
    kind.value === 'chat' ? extension.value !== '' : kind.value === 'sms' ? recipient.value !== null : title.value.trim() !== '' && members.value.length + externals.value.length > 0;

  const start = async () => {
    if (!ready) return;
    busy.value = true;
    const done =
      kind.value === 'chat'
        ? await actions.startDirect(extension.value)
        : kind.value === 'sms'
          ? await actions.startSms(recipient.value!.number, fromNumber.value || undefined)
          : await actions.startGroup(title.value.trim(), members.value, externals.value.map((entry) => entry.number));
    busy.value = false;
    if (done) {
      onCancel();
      onStarted();
    }
  };

  return (
    <Dialog title={t('newTitle')} onCancel={onCancel}>
      <form
        class="dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('newKind')}</legend>
          {(['chat', 'sms', 'group'] as const).map((value) => (
            <label key={value} class="segmented__option">
              <input type="radio" name="new-kind" value={value} checked={kind.value === value} onChange={() => (kind.value = value)} />
              <span>{t(`new_${value}`)}</span>
            </label>
          ))}
        </fieldset>

        {kind.value === 'chat' && (
          <label class="field">
            <span class="field__label">{t('colleague')}</span>
            <select required value={extension.value} onChange={(event) => (extension.value = event.currentTarget.value)}>
              <option value="">{t('chooseColleague')}</option>
              {actions.directory.map((agent) => (
                <option key={agent.id} value={agent.extension}>
                  {agent.name} ({agent.extension})
                </option>
              ))}
            </select>
          </label>
        )}

        {kind.value === 'sms' && (
          <>
            {recipient.value ? (
              <p class="picked">
                <span>{recipient.value.name ? `${recipient.value.name} · ${recipient.value.number}` : recipient.value.number}</span>{' '}
                <button type="button" class="link-button" onClick={() => (recipient.value = null)}>
                  {t('change')}
                </button>
              </p>
            ) : (
              <ContactSearch label={t('smsTo')} {...actions.contacts} onPick={(number, name) => (recipient.value = { number, name })} />
            )}
            {actions.callerIds.length > 1 && (
              <label class="field">
                <span class="field__label">{t('route_from')}</span>
                <select value={fromNumber.value} onChange={(event) => (fromNumber.value = event.currentTarget.value)}>
                  {actions.callerIds.map((option) => (
                    <option key={option.number} value={option.number}>
                      {option.label ? `${option.label} · ${option.number}` : option.number}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}

        {kind.value === 'group' && (
          <>
            <label class="field">
              <span class="field__label">{t('groupName')}</span>
              <input type="text" required maxLength={100} value={title.value} onInput={(event) => (title.value = event.currentTarget.value)} />
            </label>
            <MemberPicker agents={actions.directory} chosen={members.value} onChange={(value) => (members.value = value)} />
            <ContactSearch
              label={t('addExternalNumber')}
              {...actions.contacts}
              onPick={(number, name) => {
                if (!externals.value.some((entry) => entry.number === number)) externals.value = [...externals.value, { number, name }];
              }}
            />
            <NumberChips numbers={externals.value} onRemove={(number) => (externals.value = externals.value.filter((entry) => entry.number !== number))} />
          </>
        )}

        <div class="dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!ready || busy.value}>
            {t(`start_${kind.value}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
