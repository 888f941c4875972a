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

  /** Resolves true once the conversation is the agent's and this page shows it so (see untilShownMine). */
  const claim = action(async (conversationId: string): Promise<boolean> => {
    try {
      await request('panel→bg:claim', { conversationId });
      notice.value = null;
      deps.select(conversationId);
      await untilShownMine(deps.conversations, conversationId, deps.me.peek());
      return true;
    } catch (error) {
      notice.value = refusal(error) ?? t('claimFailed', explain(error));
      return false;
    }
  });

  const dismissNotice = action(() => (notice.value = null));

  return { waiting, claim, notice: notice as ReadonlySignal<string | null>, dismissNotice };
}

/** How long a claim waits for this page's copy of the conversation (normally a few milliseconds). */
const SHOWN_WITHIN_MS = 1_000;

/**
 * Resolves once this page's conversation rows show the conversation assigned to `me`, or after a
 * second at most. The background stored the claim before answering, but the page's live query
 * delivers the row a moment later; until then the composer is still the waiting conversation's,
 * disabled, and the focus the panel moves there after a claim was lost (a keyboard user was left
 * on the page's body, the Claim button having gone with the waiting item).
 */
function untilShownMine(conversations: ReadonlySignal<StoredConversation[]>, conversationId: string, me: string | null): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let stop: (() => void) | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop?.();
      resolve();
    };
    const timer = setTimeout(finish, SHOWN_WITHIN_MS);
    stop = effect(() => {
      const row = conversations.value.find((candidate) => candidate.id === conversationId);
      if (row?.state === 'assigned' && row.designatedAgent?.id === me) finish();
    });
    if (done) stop();
  });
}
