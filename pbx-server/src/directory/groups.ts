import { randomUUID } from 'node:crypto';
import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import type { AgentRefView, GroupRefView } from '../http/schemas';

export type GroupKind = 'ring_group' | 'queue';
export type Strategy = 'round_robin' | 'longest_idle';

export type Group = {
  id: string;
  kind: GroupKind;
  extension: string;
  name: string;
  strategy: Strategy;
  /** Queues: a claimed conversation without a reply for this long goes back to the queue. */
  idleTimeoutSeconds: number | null;
  /** Queues: a conversation waiting this long gets unclaimedReply and is closed. */
  unclaimedTimeoutSeconds: number | null;
  unclaimedReply: string | null;
  lastAssignedAgentId: string | null;
};

type GroupRow = {
  id: string;
  kind: GroupKind;
  extension: string;
  name: string;
  strategy: Strategy;
  idle_timeout_seconds: number | null;
  unclaimed_timeout_seconds: number | null;
  unclaimed_reply: string | null;
  last_assigned_agent_id: string | null;
};

const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  kind: r.kind,
  extension: r.extension,
  name: r.name,
  strategy: r.strategy,
  idleTimeoutSeconds: r.idle_timeout_seconds,
  unclaimedTimeoutSeconds: r.unclaimed_timeout_seconds,
  unclaimedReply: r.unclaimed_reply,
  lastAssignedAgentId: r.last_assigned_agent_id,
});

export const groupRef = (g: Pick<Group, 'id' | 'kind' | 'extension' | 'name'>): GroupRefView => ({
  id: g.id,
  kind: g.kind,
  extension: g.extension,
  name: g.name,
});

export async function findGroup(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<Group | null> {
  const rows = await db.query<GroupRow>(`SELECT * FROM agent_groups WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toGroup(rows[0]) : null;
}

export async function findGroupByExtension(db: Queryable, extension: string): Promise<Group | null> {
  const rows = await db.query<GroupRow>('SELECT * FROM agent_groups WHERE extension = $1', [extension]);
  return rows[0] ? toGroup(rows[0]) : null;
}

/** All groups, or only those the agent is a member of; by extension. */
export async function listGroups(db: Queryable, memberAgentId?: string): Promise<Group[]> {
  const rows = await db.query<GroupRow>(
    `SELECT g.* FROM agent_groups g
     WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.agent_id = $1)
     ORDER BY g.extension`,
    [memberAgentId ?? null],
  );
  return rows.map(toGroup);
}

export type GroupSettings = Omit<Group, 'id' | 'lastAssignedAgentId'>;

export async function insertGroup(db: Queryable, g: GroupSettings, at: Date): Promise<Group> {
  const rows = await db.query<GroupRow>(
    `INSERT INTO agent_groups (id, kind, extension, name, strategy, idle_timeout_seconds, unclaimed_timeout_seconds,
       unclaimed_reply, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz) RETURNING *`,
    [randomUUID(), g.kind, g.extension, g.name, g.strategy, g.idleTimeoutSeconds, g.unclaimedTimeoutSeconds, g.unclaimedReply, at.toISOString()],
  );
  return toGroup(rows[0]!);
}

/** Replaces the editable settings (kind and extension stay: routes and habits point at them). */
export async function updateGroup(db: Queryable, id: string, g: Omit<GroupSettings, 'kind' | 'extension'>): Promise<Group | null> {
  const rows = await db.query<GroupRow>(
    `UPDATE agent_groups SET name = $2, strategy = $3, idle_timeout_seconds = $4, unclaimed_timeout_seconds = $5,
       unclaimed_reply = $6
     WHERE id = $1 RETURNING *`,
    [id, g.name, g.strategy, g.idleTimeoutSeconds, g.unclaimedTimeoutSeconds, g.unclaimedReply],
  );
  return rows[0] ? toGroup(rows[0]) : null;
}

export async function recordRoundRobinPick(db: Queryable, groupId: string, agentId: string): Promise<void> {
  await db.query('UPDATE agent_groups SET last_assigned_agent_id = $2 WHERE id = $1', [groupId, agentId]);
}

// ---- members and their presence ----

export type Presence = { loggedIn: boolean; paused: boolean; pauseReason: string | null };
export type Member = Presence & { agent: AgentRefView; position: number; active: boolean; lastAssignedAt: Date | null };

type MemberRow = {
  agent_id: string;
  extension: string;
  name: string;
  active: boolean;
  last_assigned_at: Date | string | null;
  position: number;
  logged_in: boolean;
  paused: boolean;
  pause_reason: string | null;
};

const toMember = (r: MemberRow): Member => ({
  agent: { id: r.agent_id, extension: r.extension, name: r.name },
  active: r.active,
  lastAssignedAt: r.last_assigned_at === null ? null : new Date(r.last_assigned_at),
  position: r.position,
  loggedIn: r.logged_in,
  paused: r.paused,
  pauseReason: r.pause_reason,
});

/** Members in their configured order (round robin walks this order). */
export async function listMembers(db: Queryable, groupId: string): Promise<Member[]> {
  const rows = await db.query<MemberRow>(
    `SELECT m.agent_id, a.extension, a.name, a.active, a.last_assigned_at, m.position, m.logged_in, m.paused, m.pause_reason
     FROM group_members m JOIN agents a ON a.id = m.agent_id
     WHERE m.group_id = $1 ORDER BY m.position, a.extension`,
    [groupId],
  );
  return rows.map(toMember);
}

export async function findMember(db: Queryable, groupId: string, agentId: string): Promise<Member | null> {
  return (await listMembers(db, groupId)).find((m) => m.agent.id === agentId) ?? null;
}

/** Members who take new work now: active, logged in to this group and not paused. */
export const isAvailable = (m: Member) => m.active && m.loggedIn && !m.paused;

/**
 * Sets the member list in this order. Existing members keep their presence; new members start
 * logged in (available at once); members not listed are removed.
 */
export async function replaceMembers(db: Queryable, groupId: string, agentIds: readonly string[]): Promise<void> {
  await db.query(
    `DELETE FROM group_members WHERE group_id = $1 AND NOT (agent_id = ANY($2::text[]))`,
    [groupId, sqlArray(agentIds)],
  );
  await db.query(
    `INSERT INTO group_members (group_id, agent_id, position)
     SELECT $1, e.agent_id, e.ord FROM unnest($2::text[]) WITH ORDINALITY AS e(agent_id, ord)
     ON CONFLICT (group_id, agent_id) DO UPDATE SET position = EXCLUDED.position`,
    [groupId, sqlArray(agentIds)],
  );
}

/** Changes one member's presence; null when the agent is not a member. */
export async function updatePresence(
  db: Queryable,
  groupId: string,
  agentId: string,
  patch: Partial<Presence>,
): Promise<Presence | null> {
  const rows = await db.query<{ logged_in: boolean; paused: boolean; pause_reason: string | null }>(
    `UPDATE group_members SET logged_in = COALESCE($3::boolean, logged_in), paused = COALESCE($4::boolean, paused),
       pause_reason = CASE WHEN COALESCE($4::boolean, paused) THEN COALESCE($5, pause_reason) ELSE NULL END
     WHERE group_id = $1 AND agent_id = $2
     RETURNING logged_in, paused, pause_reason`,
    [groupId, agentId, patch.loggedIn ?? null, patch.paused ?? null, patch.pauseReason ?? null],
  );
  const r = rows[0];
  return r ? { loggedIn: r.logged_in, paused: r.paused, pauseReason: r.pause_reason } : null;
}
