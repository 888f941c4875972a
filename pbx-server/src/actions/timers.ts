import type { Clock } from '../clock';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import type { Db } from '../db/db';
import type { Outbound } from '../conversations/outbound';
import { findConversation } from '../conversations/store';
import type { EventWriter } from '../events/unit-of-work';
import { findAutomation } from '../routing/number-automation';
import type { TimedWork } from '../scheduler';
import { byDeadline, conditionHolds } from './conditions';
import { armed, disarmed, spent } from './schedule';
import { deleteActionState, latestCustomerTextAfter, listDue, lockDueState, saveActionState, type ActionState } from './state';
import { runTask } from './tasks';

// Due actions handled per run; the rest wait for the next run.
const BATCH = 100;

/**
 * Checks armed actions as their conditions' windows end, on the injected clock (tests move it and
 * call runDue). Conditions are checked shortest window first; all held -> the task runs and the
 * action disarms until the customer's next text; one failed -> the action re-arms from the
 * customer's newest text since its trigger, or disarms. Each action in its own transaction,
 * skipping rows another instance is handling.
 */
export class ActionTimers implements TimedWork {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher }) {}

  async runDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const due of await listDue(this.deps.db, now, BATCH)) await this.check(due.conversationId, due.actionId, now);
  }

  private async check(conversationId: string, actionId: string, now: Date): Promise<void> {
    const outbound: Outbound[] = [];
    await this.deps.events.run(async (tx, emit) => {
      const state = await lockDueState(tx, conversationId, actionId, now);
      if (!state?.trigger) return;
      const conversation = await findConversation(tx, conversationId);
      const action = conversation?.didNumber ? (await findAutomation(tx, conversation.didNumber)).actions.find((a) => a.id === actionId) : undefined;
      // The number's actions were edited: this one is gone.
      if (!conversation || !action) return deleteActionState(tx, conversationId, actionId);
      if (conversation.state === 'closed') return saveActionState(tx, disarmed(state));

      const conditions = byDeadline(action.conditions);
      const trigger = state.trigger;
      const windowEnd = (i: number) => new Date(trigger.at.getTime() + conditions[i]!.seconds * 1000);
      let step = state.step;
      for (; step < conditions.length && windowEnd(step) <= now; step++) {
        if (!(await conditionHolds(tx, conversationId, conditions[step]!, trigger))) return this.rearm(tx, state, action);
      }
      if (step < conditions.length) return saveActionState(tx, { ...state, step, dueAt: windowEnd(step) });
      await runTask(tx, emit, conversation, action.task, now, outbound);
      await saveActionState(tx, disarmed({ ...state, runs: state.runs + 1 }));
    });
    for (const o of outbound) this.deps.dispatcher.dispatch(o.message, o.channel);
  }

  private async rearm(tx: Parameters<typeof saveActionState>[0], state: ActionState, action: Parameters<typeof armed>[1]): Promise<void> {
    const next = await latestCustomerTextAfter(tx, state.conversationId, state.trigger!.seq);
    await saveActionState(tx, next && !spent(state, action) ? armed(state, action, next) : disarmed(state));
  }
}
