import type { WorkspaceMessage } from '../messaging/workspace-protocol';
import type { Handlers } from '../messaging/router';
import type { WorkspaceActions } from './workspace-actions';

const ack = {};

/** Binds the workspace messages (workspace-protocol.ts) to WorkspaceActions; validation and sender checks happen in the router. */
export function workspaceHandlers(actions: WorkspaceActions): Pick<Handlers<'bg'>, WorkspaceMessage> {
  return {
    'panel→bg:claim': async ({ conversationId }) => (await actions.claim(conversationId), ack),
    'panel→bg:release': async ({ conversationId }) => (await actions.release(conversationId), ack),
    'panel→bg:close': async ({ conversationId }) => (await actions.close(conversationId), ack),
    'panel→bg:transfer': async ({ conversationId, target }) => (await actions.transfer(conversationId, target), ack),
    'panel→bg:transfer-targets': () => actions.transferTargets(),
    'panel→bg:directory': async () => ({ agents: await actions.directory() }),
    'panel→bg:open-direct': async ({ extension }) => ({ conversationId: await actions.openDirect(extension) }),
    'panel→bg:open-group': async (draft) => ({ conversationId: await actions.openGroup(draft) }),
    'panel→bg:open-sms': async ({ number, fromNumber }) => ({ conversationId: await actions.openSms(number, fromNumber) }),
    'panel→bg:rename': async ({ conversationId, title }) => (await actions.rename(conversationId, title), ack),
    'panel→bg:add-participants': async ({ conversationId, ...additions }) => (await actions.addParticipants(conversationId, additions), ack),
    'panel→bg:leave': async ({ conversationId }) => (await actions.leave(conversationId), ack),
    'panel→bg:suggest-contacts': async ({ query }) => ({ suggestions: await actions.suggestContacts(query) }),
    'panel→bg:send-options': ({ conversationId }) => actions.sendOptions(conversationId),
    'panel→bg:conversation-bots': async ({ conversationId }) => ({ bots: await actions.conversationBots(conversationId) }),
    'panel→bg:remove-bot': async ({ conversationId, botId }) => ({ bots: await actions.removeBot(conversationId, botId) }),
    'page→bg:save-template': async (template) => ({ id: await actions.saveTemplate(template) }),
    'page→bg:delete-template': async ({ id }) => (await actions.deleteTemplate(id), ack),
    'page→bg:refresh-groups': async () => (await actions.refreshGroups(), ack),
    'page→bg:set-presence': async ({ groupId, change }) => ({ presence: await actions.setPresence(groupId, change) }),
  };
}
