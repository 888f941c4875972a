import type { Handlers } from '../messaging/router';
import type { ParleyService } from './service';

/** Binds each protocol message to the service; validation and sender checks happen in the router. */
export function serviceHandlers(service: ParleyService): Handlers {
  return {
    'options→bg:connect': async (credentials) => ({ agent: await service.connect(credentials) }),
    'options→bg:disconnect': async () => {
      await service.disconnect();
      return {};
    },
    'panel→bg:open-number': async ({ number }) => ({ conversationId: await service.openNumber(number) }),
    'panel→bg:load-messages': async ({ conversationId }) => {
      await service.loadMessages(conversationId);
      return {};
    },
    'panel→bg:send-reply': async ({ conversationId, body }) => ({ messageId: await service.sendReply(conversationId, body) }),
  };
}
