import { analyzeSms, splitForSending, LEGACY_MESSAGE_CHARACTERS } from '../utils/sms/segments';
import { t } from '../utils/i18n';

type Props = { id: string; text: string; split: boolean };

/**
 * What the text costs on the air, as the agent types: characters, encoding (naming the character
 * that forced UCS-2, so the agent can replace it) and segments; with splitting on, how many
 * separate texts it becomes.
 */
export function SmsCounter({ id, text, split }: Props) {
  const sms = analyzeSms(text);
  const parts = split ? splitForSending(text).length : 1;
  return (
    <p id={id} class="counter" data-encoding={sms.encoding}>
      <span>{t('counter_characters', String(sms.characters))}</span>
      <span class={sms.ucs2Trigger ? 'counter__ucs2' : undefined}>
        {sms.ucs2Trigger ? t('counter_ucs2', sms.ucs2Trigger) : t('counter_gsm7')}
      </span>
      {sms.segments > 0 && <span>{t(sms.segments === 1 ? 'counter_segment' : 'counter_segments', [String(sms.segments), String(sms.remainingInSegment)])}</span>}
      {split && parts > 1 && <span class="counter__split">{t('counter_splitParts', [String(parts), String(LEGACY_MESSAGE_CHARACTERS)])}</span>}
    </p>
  );
}
