import type { Handlers } from '../messaging/router';
import type { WorkspaceMessage } from '../messaging/workspace-protocol';
import type { CaseMessage } from './case-handlers';
import type { ParleyService } from './service';

/** Binds each message addressed to the background to the service; validation and sender checks happen in the router. */
export function serviceHandlers(service: ParleyService, playTone: (volume: number) => Promise<void>): Omit<Handlers<'bg'>, CaseMessage | WorkspaceMessage> {
  return {
    'options→bg:connect': async (credentials) => ({ agent: await service.connect(credentials) }),
    'options→bg:disconnect': async () => {
      await service.disconnect();
      return {};
    },
    'options→bg:play-tone': async ({ volume }) => {
      await playTone(volume);
      return {};
    },
    'page→bg:reconnect-now': async () => {
      await service.reconnectNow();
      return {};
    },
    'panel→bg:open-number': async ({ number }) => ({ conversationId: await service.openNumber(number) }),
    'panel→bg:load-messages': async ({ conversationId }) => {
      await service.loadMessages(conversationId);
      return {};
    },
    'panel→bg:send-reply': async ({ conversationId, body }) => ({ messageIds: await service.sendReply(conversationId, body) }),
    'panel→bg:retry-message': async ({ messageId }) => ({ messageId: await service.retryMessage(messageId) }),
    'panel→bg:delete-message': async ({ messageId }) => {
      await service.deleteMessage(messageId);
      return {};
    },
    'panel→bg:mark-read': async ({ conversationId }) => {
      await service.markRead(conversationId);
      return {};
    },
  };
}
