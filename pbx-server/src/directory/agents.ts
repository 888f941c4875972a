import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { AgentRefView, AgentView } from '../http/schemas';

export type AgentRow = {
  id: string;
  extension: string;
  name: string;
  role: AgentView['role'];
  password_hash: string;
  active: boolean;
};

export const toAgentView = (row: AgentRow): AgentView => ({
  id: row.id,
  extension: row.extension,
  name: row.name,
  role: row.role,
});

export const agentRef = (agent: Pick<AgentView, 'id' | 'extension' | 'name'>): AgentRefView => ({
  id: agent.id,
  extension: agent.extension,
  name: agent.name,
});

/** "Jake Peralta (201)": how lifecycle messages and conflicts name an agent. */
export const agentLabel = (agent: Pick<AgentView, 'extension' | 'name'>) => `${agent.name} (${agent.extension})`;

export async function findAgentByExtension(db: Queryable, extension: string): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>('SELECT * FROM agents WHERE extension = $1', [extension]);
  return rows[0] ?? null;
}

export async function findAgentById(db: Queryable, id: string): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>('SELECT * FROM agents WHERE id = $1', [id]);
  return rows[0] ?? null;
}

/** Every agent (active first, then by extension); the admin view. */
export async function listAgents(db: Queryable, opts: { activeOnly: boolean }): Promise<AgentRow[]> {
  return db.query<AgentRow>(
    `SELECT * FROM agents WHERE active OR NOT $1::boolean ORDER BY active DESC, extension`,
    [opts.activeOnly],
  );
}

export async function insertAgent(
  db: Queryable,
  agent: { extension: string; name: string; role: AgentView['role']; passwordHash: string },
): Promise<AgentRow> {
  const rows = await db.query<AgentRow>(
    `INSERT INTO agents (id, extension, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [randomUUID(), agent.extension, agent.name, agent.role, agent.passwordHash],
  );
  return rows[0]!;
}

export async function updateAgent(
  db: Queryable,
  id: string,
  patch: { name?: string; role?: AgentView['role']; passwordHash?: string; active?: boolean },
): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>(
    `UPDATE agents SET name = COALESCE($2, name), role = COALESCE($3, role),
       password_hash = COALESCE($4, password_hash), active = COALESCE($5::boolean, active)
     WHERE id = $1 RETURNING *`,
    [id, patch.name ?? null, patch.role ?? null, patch.passwordHash ?? null, patch.active ?? null],
  );
  return rows[0] ?? null;
}

/** Agents and groups share one extension plan, as on a PBX: is this extension taken by either? */
export async function extensionInUse(db: Queryable, extension: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM agents WHERE extension = $1 UNION ALL SELECT 1 FROM agent_groups WHERE extension = $1`,
    [extension],
  );
  return rows.length > 0;
}
