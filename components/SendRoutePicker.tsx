import { t } from '../utils/i18n';

export type PhoneOption = { number: string; label: string };

export type SendRoute = {
  destinations: PhoneOption[];
  destination: string | null;
  onDestination: (number: string) => void;
  callerIds: PhoneOption[];
  callerId: string | null;
  onCallerId: (number: string) => void;
};

function PhoneSelect({ label, options, value, onChange }: { label: string; options: PhoneOption[]; value: string | null; onChange: (number: string) => void }) {
  return (
    <label class="route__field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map((option) => (
          <option key={option.number} value={option.number}>
            {option.label ? `${option.label} · ${option.number}` : option.number}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Seed 000: which of the contact's numbers the reply goes to, and which of the agent's numbers it
 * comes from. Each picker appears only when there is a choice to make.
 */
export function SendRoutePicker({ destinations, destination, onDestination, callerIds, callerId, onCallerId }: SendRoute) {
  if (destinations.length < 2 && callerIds.length < 2) return null;
  return (
    <div class="route">
      {destinations.length > 1 && <PhoneSelect label={t('route_to')} options={destinations} value={destination} onChange={onDestination} />}
      {callerIds.length > 1 && <PhoneSelect label={t('route_from')} options={callerIds} value={callerId} onChange={onCallerId} />}
    </div>
  );
}
