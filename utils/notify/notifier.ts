import { browser } from 'wxt/browser';
import { isAgentsToAnswer } from '../model/conversation';
import { AlertToneSchema, DEFAULT_ALERT_TONE, DEFAULT_NOTIFICATION_RULES, NotificationRulesSchema, readPreference } from '../model/preferences';
import { alertToneItem, notificationRulesItem } from '../settings';
import type { Arrival } from '../sync/apply-events';
import { chatNotification } from './chat-notification';
import { chooseAnnouncements, chooseTransfers } from './rules';
import { transferNotification } from './transfer-notification';

export interface NotifierDeps {
  /** The signed-in agent, whose conversations are announced. */
  agentId: () => Promise<string | null>;
  /** Whether a visible panel shows this conversation: the agent is reading it already. */
  isShowing: (conversationId: string) => boolean;
  playTone: (volume: number) => Promise<void>;
}

/**
 * Turns stored arrivals into browser notifications and the alert tone, as the agent's preferences
 * say: customers' texts, and conversations colleagues transferred to the agent.
 */
export class Notifier {
  constructor(private readonly deps: NotifierDeps) {}

  async announce(arrivals: readonly Arrival[]): Promise<void> {
    const [agentId, rules, tone] = await Promise.all([
      this.deps.agentId(),
      notificationRulesItem.getValue().then((value) => readPreference(NotificationRulesSchema, value, DEFAULT_NOTIFICATION_RULES)),
      alertToneItem.getValue().then((value) => readPreference(AlertToneSchema, value, DEFAULT_ALERT_TONE)),
    ]);
    if (!agentId) return;
    const announcements = chooseAnnouncements(
      arrivals.filter((arrival) => isAgentsToAnswer(arrival.conversation, agentId)),
      rules,
      this.deps.isShowing,
    );
    const transfers = chooseTransfers(arrivals, agentId, rules, this.deps.isShowing);
    if (announcements.length === 0 && transfers.length === 0) return;
    const shown = [...transfers.map(transferNotification), ...announcements.map(chatNotification)];
    for (const { id, options } of shown) {
      await browser.notifications.create(id, options).catch((error: unknown) => console.warn('[parley] could not show a notification', error));
    }
    if (tone.enabled) await this.deps.playTone(tone.volume).catch((error: unknown) => console.warn('[parley] could not play the alert tone', error));
  }
}
