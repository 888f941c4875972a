import { action, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { StoredConversation } from '../db/database';
import { t } from '../i18n';
import { request } from '../messaging/client';
import type { GroupSummary } from '../model/queue';
import { refusal } from './attempt';
import { explain } from './errors';
import { live } from './live';
import { toWaitingItems } from './view-data';

/**
 * The SMS-queue section (contract §2): conversations waiting to be claimed, and Claim. When a
 * waiting conversation is claimed by someone else it leaves the list, and the notice says who has
 * it; a claim that lost the race says the same.
 */
export function createQueueSection(deps: {
  me: ReadonlySignal<string | null>;
  conversations: ReadonlySignal<StoredConversation[]>;
  select: (conversationId: string) => void;
}) {
  const rows = signal<StoredConversation[]>([]);
  const groups = signal<GroupSummary[]>([]);
  const notice = signal<string | null>(null);
  const waiting = computed(() => toWaitingItems(rows.value, groups.value, deps.me.value));

  effect(() => live('waitingInQueues', [], (value) => (rows.value = value)));
  effect(() => live('groups', [], (value) => (groups.value = value)));

  // A conversation that left the waiting list to another agent is announced once. The waiting list
  // and the conversation rows are separate live queries, so one that left is kept until its row
  // shows who took it.
  let shown = new Set<string>();
  const left = new Set<string>();
  effect(() => {
    const current = new Set(rows.value.map((row) => row.id));
    for (const id of shown) if (!current.has(id)) left.add(id);
    shown = current;
    const me = deps.me.peek();
    for (const id of left) {
      const row = deps.conversations.value.find((candidate) => candidate.id === id);
      if (!row || row.state === 'waiting') continue;
      left.delete(id);
      const taker = row.designatedAgent;
      if (row.state === 'assigned' && taker && taker.id !== me) notice.value = t('claimedBy', `${taker.name} (${taker.extension})`);
    }
  });

  const claim = action(async (conversationId: string): Promise<boolean> => {
    try {
      await request('panel→bg:claim', { conversationId });
      notice.value = null;
      deps.select(conversationId);
      return true;
    } catch (error) {
      notice.value = refusal(error) ?? t('claimFailed', explain(error));
      return false;
    }
  });

  const dismissNotice = action(() => (notice.value = null));

  return { waiting, claim, notice: notice as ReadonlySignal<string | null>, dismissNotice };
}
