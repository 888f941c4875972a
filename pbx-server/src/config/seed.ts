import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { findAgentByExtension } from '../directory/agents';
import { upsertBot } from '../directory/bots';
import { findGroupByExtension, insertGroup, replaceMembers, updateGroup } from '../directory/groups';
import type { InboundRoute } from '../directory/inbound-route';
import { replaceSenders, upsertNumber } from '../directory/numbers';
import { resolveInboundRoute, UnknownRouteTarget } from '../directory/route-targets';
import { resolveAutomation, saveAutomation, UnknownAutomationTarget, type NumberAutomation } from '../routing/number-automation';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';
import type { ContactConfig, GroupConfig } from './directory-schema';
import type { PbxConfig } from './schema';

/**
 * Upserts the config's agents, bots, groups, numbers and phonebook. Idempotent: agents keep their id
 * (and their password hash when the password is unchanged), groups keep their id and their members'
 * login/pause state, numbers are overwritten, caller-ID grants and group members are replaced.
 * Things not in the config are left alone (runtime-created data must survive restarts).
 */
export async function seedFromConfig(db: Db, config: PbxConfig, opts: { hash?: (password: string) => Promise<string> } = {}): Promise<void> {
  // scrypt runs on libuv's thread pool: hash all passwords at once, not one after another.
  await Promise.all(config.agents.map((agent) => seedAgent(db, agent, opts.hash ?? hashPassword)));
  for (const bot of config.bots) await upsertBot(db, bot);
  for (const group of config.groups) await db.transaction((tx) => seedGroup(tx, group));
  for (const n of config.numbers) await db.transaction((tx) => seedNumber(tx, n));
  for (const contact of config.contacts) await db.transaction((tx) => seedContact(tx, contact));
}

async function seedAgent(db: Db, agent: PbxConfig['agents'][number], hash: (password: string) => Promise<string>): Promise<void> {
  const existing = await findAgentByExtension(db, agent.extension);
  const keepHash = existing && (await verifyPassword(agent.password, existing.password_hash));
  const passwordHash = keepHash ? existing.password_hash : await hash(agent.password);
  await db.query(
    `INSERT INTO agents (id, extension, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (extension) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
       password_hash = EXCLUDED.password_hash, active = true`,
    [existing?.id ?? randomUUID(), agent.extension, agent.name, agent.role, passwordHash],
  );
}

async function agentIdFor(db: Queryable, extension: string, where: string): Promise<string> {
  const agent = await findAgentByExtension(db, extension);
  if (!agent) throw new Error(`config ${where}: unknown agent extension ${extension}`);
  return agent.id;
}

async function seedGroup(db: Queryable, g: GroupConfig): Promise<void> {
  if (await findAgentByExtension(db, g.extension)) throw new Error(`config groups: extension ${g.extension} is an agent's`);
  const memberIds = [];
  for (const ext of g.members) memberIds.push(await agentIdFor(db, ext, `group ${g.extension} members`));
  const existing = await findGroupByExtension(db, g.extension);
  if (existing && existing.kind !== g.kind) throw new Error(`config groups: ${g.extension} exists as a ${existing.kind}, not a ${g.kind}`);
  const group = existing ? (await updateGroup(db, existing.id, g))! : await insertGroup(db, g, new Date());
  await replaceMembers(db, group.id, memberIds);
}

async function seedNumber(db: Queryable, n: PbxConfig['numbers'][number]): Promise<void> {
  const number = normalizeLineNumber(n.number);
  if (!number) throw new Error(`config numbers: ${n.number} is not an E.164 number`);
  let route: InboundRoute;
  try {
    route = await resolveInboundRoute(db, n.inboundRoute);
  } catch (err) {
    if (err instanceof UnknownRouteTarget) throw new Error(`config numbers ${number} inboundRoute: ${err.message}`);
    throw err;
  }
  const senderIds = [];
  for (const ext of n.senders ?? (await defaultSenders(db, n.inboundRoute))) senderIds.push(await agentIdFor(db, ext, `${number} senders`));
  if (!n.messagingEnabled && senderIds.length > 0) throw new Error(`config numbers ${number}: a number without messaging cannot be a caller ID`);
  let automation: NumberAutomation;
  try {
    automation = await resolveAutomation(db, n);
  } catch (err) {
    if (err instanceof UnknownAutomationTarget) throw new Error(`config numbers ${number} ${err.path}: ${err.message}`);
    throw err;
  }
  await upsertNumber(db, { number, channel: n.channel, label: n.label, carrier: n.carrier, inboundRoute: route, messagingEnabled: n.messagingEnabled });
  await replaceSenders(db, number, senderIds);
  await saveAutomation(db, number, automation);
}

/** Without `senders`, whoever the number routes to may send from it. */
async function defaultSenders(db: Queryable, route: PbxConfig['numbers'][number]['inboundRoute']): Promise<string[]> {
  if (route.type === 'agent') return [route.extension];
  if (route.type === 'bot') return [];
  const rows = await db.query<{ extension: string }>(
    `SELECT a.extension FROM group_members m JOIN agent_groups g ON g.id = m.group_id JOIN agents a ON a.id = m.agent_id
     WHERE g.extension = $1 ORDER BY m.position`,
    [route.extension],
  );
  return rows.map((r) => r.extension);
}

async function seedContact(db: Queryable, c: ContactConfig): Promise<void> {
  const numbers = c.numbers.map((n) => {
    const number = normalizeCustomerNumber(n.number);
    if (!number) throw new Error(`config contacts ${c.name}: ${n.number} is not a phone number`);
    return { number, label: n.label };
  });
  const now = new Date().toISOString();
  const rows = await db.query<{ id: string }>(
    `INSERT INTO contacts (id, name, company, config_key, created_at, updated_at) VALUES ($1, $2, $3, $2, $4::timestamptz, $4::timestamptz)
     ON CONFLICT (config_key) DO UPDATE SET company = EXCLUDED.company, updated_at = EXCLUDED.updated_at RETURNING id`,
    [randomUUID(), c.name, c.company, now],
  );
  const id = rows[0]!.id;
  await db.query('DELETE FROM contact_numbers WHERE contact_id = $1', [id]);
  for (const n of numbers) {
    await db.query('INSERT INTO contact_numbers (contact_id, number, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, n.number, n.label]);
  }
}
