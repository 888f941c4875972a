import { agentLabel } from '../directory/agents';
import type { AgentRefView, GroupRefView } from '../http/schemas';

/** The words of the lifecycle lines in group conversations (seed 002 "System Messages"). */

const minutes = (seconds: number) => {
  const m = Math.round(seconds / 60);
  return m >= 1 ? `${m} min` : `${seconds} s`;
};

export const lifecycleText = {
  entered: (group: GroupRefView) => `Entered ${group.name}`,
  assigned: (agent: AgentRefView) => `Conversation assigned to ${agentLabel(agent)}`,
  claimed: (agent: AgentRefView) => `Conversation claimed by ${agentLabel(agent)}`,
  transferredToAgent: (agent: AgentRefView) => `Conversation transferred to ${agentLabel(agent)}`,
  transferredToGroup: (group: GroupRefView) => `Conversation transferred to ${group.name}`,
  released: () => 'Conversation released back to queue',
  releasedIdle: (idleSeconds: number) => `Conversation released back to queue: no reply within ${minutes(idleSeconds)}`,
  closed: (agent: AgentRefView) => `Conversation closed by ${agentLabel(agent)}`,
  closedUnclaimed: (waitSeconds: number) => `Conversation closed: not claimed within ${minutes(waitSeconds)}`,
};
