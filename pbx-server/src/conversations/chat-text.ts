import { agentLabel } from '../directory/agents';
import type { AgentRefView } from '../http/schemas';

/** The words of a group chat's system lines (seed 002 "Group Features"). */
export const chatText = {
  created: (by: AgentRefView, title: string) => `${by.name} created the group "${title}"`,
  renamed: (by: AgentRefView, title: string) => `${by.name} renamed the group to "${title}"`,
  addedAgent: (by: AgentRefView, agent: AgentRefView) => `${by.name} added ${agentLabel(agent)}`,
  addedNumber: (by: AgentRefView, number: string, name: string | null) => `${by.name} added ${name ? `${name} (${number})` : number}`,
  left: (agent: AgentRefView) => `${agentLabel(agent)} left the group`,
};
