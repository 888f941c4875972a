import { isAvailable, type Member, type Strategy } from '../directory/groups';

/**
 * Which member becomes the designated agent, among those available (active, logged in, not
 * paused). members must be in the group's order.
 * - round_robin: the next available member after the one picked last time, wrapping around.
 * - longest_idle: the available member whose last assignment is oldest (never assigned first);
 *   ties go to the earlier member.
 * Null when nobody is available.
 */
export function chooseAgent(strategy: Strategy, members: readonly Member[], lastPickedAgentId: string | null): string | null {
  const available = members.filter(isAvailable);
  if (available.length === 0) return null;
  if (strategy === 'longest_idle') {
    const idleSince = (m: Member) => m.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    return available.reduce((best, m) => (idleSince(m) < idleSince(best) ? m : best)).agent.id;
  }
  const last = members.findIndex((m) => m.agent.id === lastPickedAgentId);
  for (let step = 1; step <= members.length; step++) {
    const candidate = members[(last + step) % members.length]!;
    if (isAvailable(candidate)) return candidate.agent.id;
  }
  return null;
}
