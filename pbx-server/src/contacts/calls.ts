import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { AgentRefView } from '../http/schemas';

/** The call log: calls the PBX (or the agent's phone integration) reports. */

export type CallInput = {
  direction: 'inbound' | 'outbound';
  number: string;
  didNumber: string | null;
  status: 'answered' | 'missed' | 'busy' | 'failed';
  startedAt: Date;
  durationSeconds: number;
  callerName: string | null;
};

export type Call = Omit<CallInput, 'startedAt'> & { id: string; agent: AgentRefView; name: string | null; startedAt: string };

type CallRow = {
  id: string;
  agent_id: string;
  extension: string;
  agent_name: string;
  direction: Call['direction'];
  number: string;
  did_number: string | null;
  status: Call['status'];
  started_at: Date | string;
  duration_seconds: number;
  caller_name: string | null;
  name: string | null;
};

const toCall = (r: CallRow): Call => ({
  id: r.id,
  agent: { id: r.agent_id, extension: r.extension, name: r.agent_name },
  direction: r.direction,
  number: r.number,
  name: r.name,
  didNumber: r.did_number,
  status: r.status,
  startedAt: new Date(r.started_at).toISOString(),
  durationSeconds: Number(r.duration_seconds),
  callerName: r.caller_name,
});

const SELECT = `SELECT l.*, a.extension, a.name AS agent_name, parley_contact_name(l.number) AS name
  FROM calls l JOIN agents a ON a.id = l.agent_id`;

export async function insertCall(db: Queryable, agentId: string, c: CallInput, at: Date): Promise<Call> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO calls (id, agent_id, direction, number, did_number, status, started_at, duration_seconds, caller_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10::timestamptz)`,
    [id, agentId, c.direction, c.number, c.didNumber, c.status, c.startedAt.toISOString(), c.durationSeconds, c.callerName, at.toISOString()],
  );
  return toCall((await db.query<CallRow>(`${SELECT} WHERE l.id = $1`, [id]))[0]!);
}

/** Newest first; agentId null = every agent's calls (supervisors). */
export async function listCalls(db: Queryable, opts: { agentId: string | null; number?: string; limit: number }): Promise<Call[]> {
  const rows = await db.query<CallRow>(
    `${SELECT} WHERE ($1::text IS NULL OR l.agent_id = $1) AND ($2::text IS NULL OR l.number = $2)
     ORDER BY l.started_at DESC, l.id LIMIT $3::int`,
    [opts.agentId, opts.number ?? null, opts.limit],
  );
  return rows.map(toCall);
}
