import { t } from '../utils/i18n';

type Props = { numbers: Array<{ number: string; name: string | null }>; onRemove: (number: string) => void };

/** External numbers added to a group so far, each removable. */
export function NumberChips({ numbers, onRemove }: Props) {
  if (numbers.length === 0) return null;
  return (
    <ul class="chips" role="list" aria-label={t('externalNumbers')}>
      {numbers.map(({ number, name }) => (
        <li key={number} class="chip">
          <span>{name ? `${name} · ${number}` : number}</span>
          <button type="button" class="chip__remove" aria-label={t('removeNumber', name ?? number)} onClick={() => onRemove(number)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
