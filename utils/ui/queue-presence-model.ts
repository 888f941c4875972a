import { action, computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import { request } from '../messaging/client';
import type { GroupSummary } from '../model/queue';
import { attempt } from './attempt';
import { live } from './live';

export interface QueuePresenceItem {
  id: string;
  name: string;
  extension: string;
  loggedIn: boolean;
  paused: boolean;
  pauseReason: string | null;
  waitingCount: number;
}

/** The popup's SMS-queue login toggles and pause with a reason, per queue (contract §8). */
export const QueuePresenceModel = createModel(() => {
  const groups = signal<GroupSummary[]>([]);
  const notice = signal<string | null>(null);
  effect(() => live('groups', [], (rows) => (groups.value = rows)));
  // The popup opens fresh each time: ask the PBX for the current presence and waiting counts.
  effect(() => {
    request('page→bg:refresh-groups', {}).catch((error: unknown) => console.warn('[parley] could not refresh the queues', error));
  });

  const queues = computed(() =>
    groups.value
      .filter((group) => group.kind === 'queue' && group.me !== null)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((group): QueuePresenceItem => ({
        id: group.id,
        name: group.name,
        extension: group.extension,
        loggedIn: group.me!.loggedIn,
        paused: group.me!.paused,
        pauseReason: group.me!.pauseReason,
        waitingCount: group.waitingCount,
      })),
  );

  const change = (groupId: string, body: Parameters<typeof request<'page→bg:set-presence'>>[1]['change']) =>
    attempt(notice, 'presenceFailed', () => request('page→bg:set-presence', { groupId, change: body }));
  const setLoggedIn = action((groupId: string, loggedIn: boolean) => change(groupId, { action: loggedIn ? 'login' : 'logout' }));
  const pause = action((groupId: string, reason: string) => change(groupId, { action: 'pause', reason }));
  const resume = action((groupId: string) => change(groupId, { action: 'resume' }));

  return { queues, setLoggedIn, pause, resume, notice: notice as ReadonlySignal<string | null> };
});
