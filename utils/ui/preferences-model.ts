import { action, createModel, effect, signal } from '@preact/signals';
import { request } from '../messaging/client';
import {
  AlertToneSchema,
  DEFAULT_ALERT_TONE,
  DEFAULT_NOTIFICATION_RULES,
  DEFAULT_SMS_SPLITTING,
  NotificationRulesSchema,
  readPreference,
  SmsSplittingSchema,
  type AlertTone,
  type NotificationRules,
  type SmsSplitting,
} from '../model/preferences';
import { alertToneItem, notificationRulesItem, smsSplittingItem } from '../settings';

/**
 * The agent's preferences on the options page. Each change is saved at once; the background reads
 * them on every use, so there is nothing to apply. Edits made in another options tab show up here.
 */
export const PreferencesModel = createModel(() => {
  const tone = signal<AlertTone>(DEFAULT_ALERT_TONE);
  const splitting = signal<SmsSplitting>(DEFAULT_SMS_SPLITTING);
  const rules = signal<NotificationRules>(DEFAULT_NOTIFICATION_RULES);

  const follow = <T>(item: { getValue(): Promise<unknown>; watch(cb: (value: unknown) => void): () => void }, read: (value: unknown) => T, target: { value: T }) =>
    effect(() => {
      void item.getValue().then((value) => (target.value = read(value)));
      return item.watch((value) => (target.value = read(value)));
    });
  follow(alertToneItem, (value) => readPreference(AlertToneSchema, value, DEFAULT_ALERT_TONE), tone);
  follow(smsSplittingItem, (value) => readPreference(SmsSplittingSchema, value, DEFAULT_SMS_SPLITTING), splitting);
  follow(notificationRulesItem, (value) => readPreference(NotificationRulesSchema, value, DEFAULT_NOTIFICATION_RULES), rules);

  const setTone = action((change: Partial<AlertTone>) => {
    tone.value = { ...tone.value, ...change };
    void alertToneItem.setValue(tone.value);
  });
  const setSplitting = action((enabled: boolean) => {
    splitting.value = { enabled };
    void smsSplittingItem.setValue(splitting.value);
  });
  const setRules = action((change: Partial<NotificationRules>) => {
    rules.value = { ...rules.value, ...change };
    void notificationRulesItem.setValue(rules.value);
  });
  const playTestTone = action(async () => {
    await request('options→bg:play-tone', { volume: tone.value.volume }).catch((error: unknown) => console.warn('[parley] test tone failed', error));
  });

  return { tone, splitting, rules, setTone, setSplitting, setRules, playTestTone };
});
