import { t } from '../utils/i18n';

export type PhoneOption = { number: string; label: string };

type Props = {
  destinations: PhoneOption[];
  destination: string | null;
  onDestination: (number: string) => void;
  callerIds: PhoneOption[];
  callerId: string | null;
  onCallerId: (number: string) => void;
};

/**
 * Seed 000: which of the contact's numbers the reply goes to, and which of the agent's numbers it
 * comes from. Each picker appears only when there is a choice to make.
 */
export function SendRoutePicker({ destinations, destination, onDestination, callerIds, callerId, onCallerId }: Props) {
  if (destinations.length < 2 && callerIds.length < 2) return null;
  return (
    <div class="route">
      {destinations.length > 1 && (
        <label class="route__field">
          <span>{t('route_to')}</span>
          <select value={destination ?? ''} onChange={(event) => onDestination(event.currentTarget.value)}>
            {destinations.map((option) => (
              <option key={option.number} value={option.number}>
                {option.label ? `${option.label} · ${option.number}` : option.number}
              </option>
            ))}
          </select>
        </label>
      )}
      {callerIds.length > 1 && (
        <label class="route__field">
          <span>{t('route_from')}</span>
          <select value={callerId ?? ''} onChange={(event) => onCallerId(event.currentTarget.value)}>
            {callerIds.map((option) => (
              <option key={option.number} value={option.number}>
                {option.label ? `${option.label} · ${option.number}` : option.number}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
