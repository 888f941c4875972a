import type { Queryable } from '../db/db';
import type { AgentView } from '../http/schemas';

export type AgentRow = { id: string; extension: string; name: string; role: AgentView['role']; password_hash: string };

export const toAgentView = (row: AgentRow): AgentView => ({
  id: row.id,
  extension: row.extension,
  name: row.name,
  role: row.role,
});

export async function findAgentByExtension(db: Queryable, extension: string): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>('SELECT * FROM agents WHERE extension = $1', [extension]);
  return rows[0] ?? null;
}

export async function findAgentById(db: Queryable, id: string): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>('SELECT * FROM agents WHERE id = $1', [id]);
  return rows[0] ?? null;
}
