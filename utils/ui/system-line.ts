import { t } from '../i18n';
import type { AgentRef } from '../model/conversation';
import type { Message, SystemEvent } from '../model/message';

const label = (agent: AgentRef) => `${agent.name} (${agent.extension})`;

/**
 * A system line's text in the agent's language, worded from the fact behind it (its `systemEvent`:
 * who claimed, which queue, which bot). The PBX's own words (`body`, in its language) stay for a
 * fact this panel has no words for, or whose text needs what the event does not carry (a
 * timeout's length, the name of an added number).
 */
export function systemLineText(message: Pick<Message, 'body' | 'systemEvent'>): string {
  return (message.systemEvent && wordsFor(message.systemEvent)) || message.body;
}

function wordsFor(event: SystemEvent): string | null {
  const { agent, group, by } = event;
  switch (event.type) {
    case 'queue.entered':
      return group ? t('sys_entered', group.name) : null;
    case 'queue.assigned':
      return agent ? t('sys_assigned', label(agent)) : null;
    case 'queue.claimed':
      return agent ? t('sys_claimed', label(agent)) : null;
    case 'queue.transferred':
      return agent ? t('sys_transferredToAgent', label(agent)) : group ? t('sys_transferredToGroup', group.name) : null;
    case 'queue.released':
      return event.reason === 'agent' ? t('sys_released') : null;
    case 'queue.closed':
      return by ? t('sys_closedBy', label(by)) : null;
    case 'chat.created':
      return by && event.title !== undefined ? t('sys_chatCreated', [by.name, event.title]) : null;
    case 'chat.renamed':
      return by && event.title !== undefined ? t('sys_chatRenamed', [by.name, event.title]) : null;
    case 'chat.member_added':
      return by && agent ? t('sys_chatAddedAgent', [by.name, label(agent)]) : null;
    case 'chat.member_left':
      return agent ? t('sys_chatLeft', label(agent)) : null;
    case 'bot.removed':
      return by && event.bot ? t('sys_botRemoved', [event.bot.name, label(by)]) : null;
    default:
      return null;
  }
}
