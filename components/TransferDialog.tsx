import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import type { AgentRef, GroupRef } from '../utils/model/conversation';
import { Dialog } from './Dialog';

export type TransferTarget = { agentId: string } | { groupId: string };

type Props = {
  targets: { agents: AgentRef[]; groups: GroupRef[] } | null;
  onTransfer: (target: TransferTarget) => Promise<boolean>;
  onCancel: () => void;
};

/** Seed 000/002 "Transfer Handler": pick an agent or another queue, then confirm. */
export function TransferDialog({ targets, onTransfer, onCancel }: Props) {
  const choice = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async () => {
    const value = choice.value;
    if (!value) return;
    busy.value = true;
    const [kind, id] = value.split(':') as ['agent' | 'group', string];
    const done = await onTransfer(kind === 'agent' ? { agentId: id } : { groupId: id });
    busy.value = false;
    if (done) onCancel();
  };
  const option = (value: string, label: string) => (
    <label key={value} class="choice">
      <input type="radio" name="transfer-target" value={value} checked={choice.value === value} onChange={() => (choice.value = value)} />
      <span>{label}</span>
    </label>
  );
  return (
    <Dialog title={t('transferTitle')} onCancel={onCancel}>
      <form
        class="dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {targets === null ? (
          <p role="status">{t('loading')}</p>
        ) : (
          <>
            <fieldset class="choices">
              <legend>{t('transferToAgent')}</legend>
              {targets.agents.length === 0 && <p class="muted">{t('transferNoAgents')}</p>}
              {targets.agents.map((agent) => option(`agent:${agent.id}`, `${agent.name} (${agent.extension})`))}
            </fieldset>
            {targets.groups.length > 0 && (
              <fieldset class="choices">
                <legend>{t('transferToQueue')}</legend>
                {targets.groups.map((group) => option(`group:${group.id}`, group.name))}
              </fieldset>
            )}
          </>
        )}
        <div class="dialog__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!choice.value || busy.value}>
            {t('transfer')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
