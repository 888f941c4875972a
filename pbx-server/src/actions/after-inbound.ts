import { classifyKeyword } from '../compliance/keywords';
import { isWorkingTime } from '../routing/effective-route';
import type { InboundBatch } from '../routing/inbound-batch';
import type { NumberAction } from './action-schema';
import { armed, fresh, spent } from './schedule';
import { loadActionStates, saveActionState, stateKey } from './state';
import { runTask } from './tasks';

/**
 * The customer's texts of an inbound batch drive their numbers' actions (seed 003): an action
 * without conditions runs its task after every text; one with conditions is armed from the first
 * text that finds it unarmed, and the scheduler (actions/timers.ts) checks its conditions as their
 * windows end. STOP/START/HELP are left to compliance. Numbers without actions cost no query.
 */
export async function runActionsAfterInbound({ tx, emit, conversations, stored, automation, at, outbound }: InboundBatch): Promise<void> {
  const withActions = conversations.filter((c) => c.didNumber && (automation.get(c.didNumber)?.actions.length ?? 0) > 0);
  if (withActions.length === 0) return;
  const states = await loadActionStates(tx, withActions.map((c) => c.id));
  for (const conversation of withActions) {
    const texts = stored.filter((m) => m.conversationId === conversation.id && !classifyKeyword(m.body));
    if (texts.length === 0) continue;
    const numberAutomation = automation.get(conversation.didNumber!)!;
    const workingTime = isWorkingTime(numberAutomation, at);
    for (const action of numberAutomation.actions.filter((a) => appliesAt(a, workingTime))) {
      const before = states.get(stateKey(conversation.id, action.id)) ?? fresh(conversation.id, action.id);
      let state = before;
      if (action.conditions.length === 0) {
        for (let i = 0; i < texts.length && !spent(state, action); i++) {
          await runTask(tx, emit, conversation, action.task, at, outbound);
          state = { ...state, runs: state.runs + 1 };
        }
      } else if (!spent(state, action) && state.dueAt === null) {
        state = armed(state, action, { seq: texts[0]!.seq, at });
      }
      if (state !== before) await saveActionState(tx, state);
    }
  }
}

function appliesAt(action: NumberAction, workingTime: boolean): boolean {
  if (action.hours === 'working_hours') return workingTime;
  if (action.hours === 'out_of_hours') return !workingTime;
  return true;
}
