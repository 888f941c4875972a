import type { NumberAction } from './action-schema';
import { byDeadline } from './conditions';
import type { ActionState } from './state';

/** The state of an action armed by a customer text: its first condition is checked when its window ends. */
export function armed(state: ActionState, action: NumberAction, trigger: { seq: number; at: Date }): ActionState {
  const first = byDeadline(action.conditions)[0]!;
  return { ...state, trigger, step: 0, dueAt: new Date(trigger.at.getTime() + first.seconds * 1000) };
}

export const disarmed = (state: ActionState): ActionState => ({ ...state, trigger: null, step: 0, dueAt: null });

/** "Once per conversation": after its first run the action never runs (or arms) there again. */
export const spent = (state: ActionState, action: NumberAction) => action.oncePerConversation && state.runs > 0;

export const fresh = (conversationId: string, actionId: string): ActionState => ({ conversationId, actionId, trigger: null, dueAt: null, step: 0, runs: 0 });
