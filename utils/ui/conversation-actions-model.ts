import { action, signal, type ReadonlySignal } from '@preact/signals';
import { request } from '../messaging/client';
import type { AgentRef, GroupRef } from '../model/conversation';
import type { TransferTarget } from '../model/queue';
import { attempt } from './attempt';

/**
 * Queue controls (transfer, release, close) and group-chat controls (rename, add, leave) — contract §5.
 * `currentGroup`: the ring group or queue of the open conversation, which is no place to transfer it
 * to (the PBX refuses: it is there already), so the transfer dialog does not offer it.
 */
export function createConversationActions(currentGroup: () => string | null = () => null) {
  const notice = signal<string | null>(null);
  const transferTargets = signal<{ agents: AgentRef[]; groups: GroupRef[] } | null>(null);

  const loadTransferTargets = action(async () => {
    await attempt(notice, 'transferFailed', async () => {
      const { agents, groups } = await request('panel→bg:transfer-targets', {});
      const current = currentGroup();
      transferTargets.value = { agents, groups: groups.filter((group) => group.id !== current) };
    });
  });
  const transfer = action((conversationId: string, target: TransferTarget) =>
    attempt(notice, 'transferFailed', () => request('panel→bg:transfer', { conversationId, target })),
  );
  const release = action((conversationId: string) => attempt(notice, 'releaseFailed', () => request('panel→bg:release', { conversationId })));
  const close = action((conversationId: string) => attempt(notice, 'closeFailed', () => request('panel→bg:close', { conversationId })));
  const rename = action((conversationId: string, title: string) =>
    attempt(notice, 'renameFailed', () => request('panel→bg:rename', { conversationId, title })),
  );
  const addParticipants = action((conversationId: string, add: { extensions?: string[]; externalNumbers?: string[] }) =>
    attempt(notice, 'addParticipantsFailed', () =>
      request('panel→bg:add-participants', { conversationId, extensions: add.extensions ?? [], externalNumbers: add.externalNumbers ?? [] }),
    ),
  );
  const leave = action((conversationId: string) => attempt(notice, 'leaveFailed', () => request('panel→bg:leave', { conversationId })));

  return {
    transferTargets: transferTargets as ReadonlySignal<{ agents: AgentRef[]; groups: GroupRef[] } | null>,
    loadTransferTargets,
    transfer,
    release,
    close,
    rename,
    addParticipants,
    leave,
    notice: notice as ReadonlySignal<string | null>,
  };
}
