import type { Queryable } from '../db/db';
import { addActionBot } from '../bots/presence';
import { appendAutomatedText, type Outbound } from '../conversations/outbound';
import { addMember, type ConversationRecord } from '../conversations/store';
import { notifyMembers } from '../conversations/timeline';
import type { Emit } from '../events/unit-of-work';
import type { NumberAction } from './action-schema';

/**
 * Runs an action's task in a customer conversation. Sending a message puts the bot in the
 * conversation first, adding it back if an agent removed it (seed 003: it keeps executing its
 * action). Members added by an action get no system line; the conversation just appears for them.
 */
export async function runTask(db: Queryable, emit: Emit, conversation: ConversationRecord, task: NumberAction['task'], at: Date, outbound: Outbound[]): Promise<void> {
  if (task.type === 'send_message') {
    await addActionBot(db, conversation.id, task.botId, at);
    const text = await appendAutomatedText(db, emit, conversation, task.message, at);
    if (text) outbound.push(text);
    return;
  }
  let added = false;
  for (const agentId of task.agentIds) if (await addMember(db, conversation.id, agentId, at)) added = true;
  if (added) await notifyMembers(db, emit, conversation.id, (view) => ({ kind: 'conversation.updated', conversation: view }));
}
