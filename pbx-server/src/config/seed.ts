import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { findAgentByExtension } from '../directory/agents';
import type { InboundRoute } from '../directory/inbound-route';
import { normalizeLineNumber } from '../phone/normalize';
import type { PbxConfig } from './schema';

/**
 * Upserts the config's agents and numbers. Idempotent: agents keep their id (and their password hash
 * when the password is unchanged), numbers are overwritten, caller-ID grants are replaced per number.
 * Things not in the config are left alone (runtime-created data must survive restarts).
 */
export async function seedFromConfig(db: Db, config: PbxConfig): Promise<void> {
  const agentIds = new Map<string, string>();
  for (const agent of config.agents) {
    const existing = await findAgentByExtension(db, agent.extension);
    const keepHash = existing && (await verifyPassword(agent.password, existing.password_hash));
    const hash = keepHash ? existing.password_hash : await hashPassword(agent.password);
    const rows = await db.query<{ id: string }>(
      `INSERT INTO agents (id, extension, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (extension) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
         password_hash = EXCLUDED.password_hash
       RETURNING id`,
      [existing?.id ?? randomUUID(), agent.extension, agent.name, agent.role, hash],
    );
    agentIds.set(agent.extension, rows[0]!.id);
  }

  const agentIdFor = async (extension: string, where: string) => {
    const id = agentIds.get(extension) ?? (await findAgentByExtension(db, extension))?.id;
    if (!id) throw new Error(`config ${where}: unknown agent extension ${extension}`);
    return id;
  };

  for (const n of config.numbers) {
    const number = normalizeLineNumber(n.number);
    if (!number) throw new Error(`config numbers: ${n.number} is not an E.164 number`);
    const route: InboundRoute = { type: 'agent', agentId: await agentIdFor(n.inboundRoute.extension, number) };
    const senderExtensions = n.senders ?? [n.inboundRoute.extension];
    const senderIds = await Promise.all(senderExtensions.map((ext) => agentIdFor(ext, `${number} senders`)));
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO numbers (number, channel, label, carrier, inbound_route) VALUES ($1, $2, $3, $4, $5::text::jsonb)
         ON CONFLICT (number) DO UPDATE SET channel = EXCLUDED.channel, label = EXCLUDED.label,
           carrier = EXCLUDED.carrier, inbound_route = EXCLUDED.inbound_route`,
        [number, n.channel, n.label, n.carrier, JSON.stringify(route)],
      );
      await tx.query('DELETE FROM number_senders WHERE number = $1', [number]);
      for (const agentId of senderIds) {
        await tx.query('INSERT INTO number_senders (number, agent_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          number,
          agentId,
        ]);
      }
    });
  }
}
