import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';
import { findGroup, findMember, groupRef, listGroups, listMembers, updatePresence, type Group, type Presence } from '../directory/groups';
import type { EventWriter } from '../events/unit-of-work';
import { forbidden, notFound } from '../http/errors';
import type { AgentView, ConversationView } from '../http/schemas';
import { seesEverything } from '../conversations/access';
import { loadConversationViews } from '../conversations/views';

export type GroupSummary = ReturnType<typeof summarize>;

function summarize(group: Group, members: Awaited<ReturnType<typeof listMembers>>, agentId: string, waitingCount: number) {
  const me = members.find((m) => m.agent.id === agentId);
  return {
    ...groupRef(group),
    strategy: group.strategy,
    idleTimeoutSeconds: group.idleTimeoutSeconds,
    unclaimedTimeoutSeconds: group.unclaimedTimeoutSeconds,
    me: me ? { loggedIn: me.loggedIn, paused: me.paused, pauseReason: me.pauseReason } : null,
    waitingCount,
    members: members.map((m) => ({ agent: m.agent, loggedIn: m.loggedIn, paused: m.paused, pauseReason: m.pauseReason })),
  };
}

/**
 * Ring groups and SMS queues as agents use them: the list (every agent may see the directory, e.g.
 * to transfer), each group's waiting conversations, and per-group login and pause with a reason,
 * independent of anything else (seed 002 "Logging In to SMS Queues").
 */
export class GroupService {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock }) {}

  async list(agent: AgentView): Promise<GroupSummary[]> {
    const groups = await listGroups(this.deps.db);
    const waiting = await this.waitingCounts(this.deps.db);
    return Promise.all(
      groups.map(async (g) => summarize(g, await listMembers(this.deps.db, g.id), agent.id, waiting.get(g.id) ?? 0)),
    );
  }

  /** Waiting conversations, longest waiting first, for the group's members and supervisors. */
  async waiting(agent: AgentView, groupId: string): Promise<{ conversation: ConversationView; waitingSeconds: number }[]> {
    const group = await this.requireGroup(groupId);
    if (!seesEverything(agent) && !(await findMember(this.deps.db, group.id, agent.id))) throw forbidden(`you are not a member of ${group.name}`);
    const rows = await this.deps.db.query<{ id: string; waiting_since: Date | string }>(
      `SELECT id, waiting_since FROM conversations WHERE group_id = $1 AND state = 'waiting' ORDER BY waiting_since, id`,
      [group.id],
    );
    const views = await loadConversationViews(this.deps.db, rows.map((r) => r.id), agent.id);
    const now = this.deps.clock.now().getTime();
    return rows.map((r) => ({
      conversation: views.get(r.id)!,
      waitingSeconds: Math.max(0, Math.floor((now - new Date(r.waiting_since).getTime()) / 1000)),
    }));
  }

  /** Login, logout, pause (with a reason) or resume in one group; the agent's other sessions hear of it. */
  setPresence(agent: AgentView, groupId: string, change: Partial<Presence>): Promise<Presence> {
    return this.deps.events.run(async (tx, emit) => {
      const group = await this.requireGroup(groupId, tx);
      const presence = await updatePresence(tx, group.id, agent.id, change);
      if (!presence) throw forbidden(`you are not a member of ${group.name}`);
      emit([agent.id], { kind: 'presence.updated', group: groupRef(group), ...presence });
      return presence;
    });
  }

  private async requireGroup(groupId: string, db: Queryable = this.deps.db): Promise<Group> {
    const group = await findGroup(db, groupId);
    if (!group) throw notFound('group');
    return group;
  }

  private async waitingCounts(db: Queryable): Promise<Map<string, number>> {
    const rows = await db.query<{ group_id: string; n: unknown }>(
      `SELECT group_id, count(*) AS n FROM conversations WHERE state = 'waiting' GROUP BY group_id`,
    );
    return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
  }
}
