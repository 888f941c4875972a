import { action, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { StoredConversation } from '../db/database';
import { request } from '../messaging/client';
import { afterNextPaint } from './after-paint';
import type { CallerId, ContactNumber } from '../model/contact';
import { DEFAULT_SMS_SPLITTING, readPreference, SmsSplittingSchema } from '../model/preferences';
import { smsSplittingItem } from '../settings';
import { attempt } from './attempt';
import { blockedReason } from './view-data';

/**
 * The composer's data (contract §4): whether sending is possible here and why not, the numbers a
 * reply can go to and come from (seed 000), and Send. Sending to another number or from another
 * caller ID goes to that (found or created) thread, which then opens.
 */
export function createComposerSection(deps: {
  selected: ReadonlySignal<StoredConversation | null>;
  me: ReadonlySignal<string | null>;
  select: (conversationId: string) => void;
  /** Where a failed send is explained (the workspace's notice). */
  notice: Signal<string | null>;
}) {
  const destinations = signal<ContactNumber[]>([]);
  const callerIds = signal<CallerId[]>([]);
  const destination = signal<string | null>(null);
  const callerId = signal<string | null>(null);
  const splitLongTexts = signal(false);
  const selectedId = computed(() => deps.selected.value?.id ?? null);

  const blocked = computed(() => {
    const row = deps.selected.value;
    return row ? blockedReason(row, deps.me.value) : null;
  });

  effect(() => {
    const id = selectedId.value;
    destination.value = null;
    callerId.value = null;
    destinations.value = [];
    callerIds.value = [];
    if (!id) return;
    let current = true;
    // Asked once the new thread's first frame is painted, not in the task of the click that selected it.
    const cancel = afterNextPaint(() =>
      request('panel→bg:send-options', { conversationId: id }).then(
        (options) => {
          if (!current) return;
          destinations.value = options.destinations;
          callerIds.value = options.callerIds;
        },
        (error: unknown) => console.warn('[parley] could not read the send options', error),
      ),
    );
    return () => {
      current = false;
      cancel();
    };
  });
  effect(() => {
    const apply = (value: unknown) => (splitLongTexts.value = readPreference(SmsSplittingSchema, value, DEFAULT_SMS_SPLITTING).enabled);
    void smsSplittingItem.getValue().then(apply);
    return smsSplittingItem.watch(apply);
  });

  /** Resolves true once the text is in the outbox (the composer then clears). */
  const send = action(async (body: string): Promise<boolean> => {
    const row = deps.selected.value;
    if (!row || body.trim() === '' || blocked.value) return false;
    const to = destination.value && destination.value !== row.customerNumber ? destination.value : null;
    const from = callerId.value && callerId.value !== row.didNumber ? callerId.value : null;
    return attempt(deps.notice, 'sendFailed', async () => {
      let conversationId = row.id;
      if (to || from) {
        ({ conversationId } = await request('panel→bg:open-sms', { number: to ?? row.customerNumber!, ...(from ? { fromNumber: from } : {}) }));
        deps.select(conversationId);
      }
      await request('panel→bg:send-reply', { conversationId, body });
    });
  });

  return {
    blockedReason: blocked,
    destinations: destinations as ReadonlySignal<ContactNumber[]>,
    callerIds: callerIds as ReadonlySignal<CallerId[]>,
    destination,
    callerId,
    splitLongTexts: splitLongTexts as ReadonlySignal<boolean>,
    send,
  };
}
