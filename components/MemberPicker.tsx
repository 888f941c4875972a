import { t } from '../utils/i18n';

type Agent = { id: string; extension: string; name: string };
type Props = { agents: Agent[]; chosen: string[]; onChange: (extensions: string[]) => void };

/** Team members by extension, as checkboxes: one Tab stop each, Space toggles. */
export function MemberPicker({ agents, chosen, onChange }: Props) {
  return (
    <fieldset class="choices choices--scroll">
      <legend>{t('members')}</legend>
      {agents.length === 0 && <p class="muted">{t('loading')}</p>}
      {agents.map((agent) => (
        <label key={agent.id} class="choice">
          <input
            type="checkbox"
            checked={chosen.includes(agent.extension)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...chosen, agent.extension] : chosen.filter((extension) => extension !== agent.extension))
            }
          />
          <span>
            {agent.name} ({agent.extension})
          </span>
        </label>
      ))}
    </fieldset>
  );
}
