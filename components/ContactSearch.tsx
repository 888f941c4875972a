import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { ContactSuggestion } from '../utils/model/contact';
import { normalizeToE164 } from '../utils/sms/detect';

type Props = {
  label: string;
  query: string;
  onQuery: (query: string) => void;
  suggestions: ContactSuggestion[];
  /** A number chosen from the list, or typed and valid (E.164). */
  onPick: (number: string, name: string | null) => void;
};

/** A typed number, as E.164, when it is a valid one (national numbers read as US, the PBX's plan). */
export function typedNumber(text: string): string | null {
  return normalizeToE164(text) ?? normalizeToE164(text, 'US');
}

/**
 * Seed 002's contact search: one field that finds phonebook entries, recent calls and existing
 * conversations by name or number, or takes a number typed in full. A combobox: arrow keys move
 * through the suggestions, Enter picks, Escape clears.
 */
export function ContactSearch({ label, query, onQuery, suggestions, onPick }: Props) {
  const active = useSignal(-1);
  const invalid = useSignal(false);
  const id = useId();
  const open = query.trim().length > 0 && suggestions.length > 0;

  const pick = (suggestion: ContactSuggestion) => {
    onPick(suggestion.number, suggestion.name);
    onQuery('');
    active.value = -1;
  };
  const pickTyped = () => {
    const number = typedNumber(query);
    invalid.value = number === null;
    if (number) {
      onPick(number, null);
      onQuery('');
    }
  };

  return (
    <div class="contact-search">
      <label class="field">
        <span class="field__label">{label}</span>
        <input
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-activedescendant={open && active.value >= 0 ? `${id}-${active.value}` : undefined}
          aria-invalid={invalid.value || undefined}
          aria-describedby={invalid.value ? `${id}-error` : undefined}
          value={query}
          onInput={(event) => {
            invalid.value = false;
            active.value = -1;
            onQuery(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              if (!open) return;
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              active.value = (active.value + step + suggestions.length) % suggestions.length;
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const chosen = open ? suggestions[active.value] : undefined;
              if (chosen) pick(chosen);
              else if (query.trim()) pickTyped();
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
      </label>
      {invalid.value && (
        <p id={`${id}-error`} class="field__error">
          {t('invalidNumber')}
        </p>
      )}
      <ul id={`${id}-list`} role="listbox" aria-label={t('suggestions')} class="suggestions" hidden={!open}>
        {open &&
          suggestions.map((suggestion, index) => (
            <li
              key={`${suggestion.source}-${suggestion.number}`}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active.value}
              class="suggestions__option"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(suggestion);
              }}
            >
              <span class="suggestions__name">{suggestion.name ?? suggestion.number}</span>
              {suggestion.name && <span class="suggestions__number">{suggestion.number}</span>}
              <span class="suggestions__source">{t(`source_${suggestion.source}`)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
