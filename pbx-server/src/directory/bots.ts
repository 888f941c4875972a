import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';

/** A bot as configured: today a fixed reply (bots/ decides when it speaks). */
export type BotRecord = { id: string; name: string; reply: string };

export async function findBot(db: Queryable, id: string): Promise<BotRecord | null> {
  const rows = await db.query<BotRecord>('SELECT id, name, reply FROM bots WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function findBotByName(db: Queryable, name: string): Promise<BotRecord | null> {
  const rows = await db.query<BotRecord>('SELECT id, name, reply FROM bots WHERE name = $1', [name]);
  return rows[0] ?? null;
}

export async function listBots(db: Queryable): Promise<BotRecord[]> {
  return db.query<BotRecord>('SELECT id, name, reply FROM bots ORDER BY name');
}

/** Creates or (same name) updates a bot. */
export async function upsertBot(db: Queryable, bot: { name: string; reply: string }): Promise<BotRecord> {
  const rows = await db.query<BotRecord>(
    `INSERT INTO bots (id, name, reply) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET reply = EXCLUDED.reply RETURNING id, name, reply`,
    [randomUUID(), bot.name, bot.reply],
  );
  return rows[0]!;
}

export async function updateBot(db: Queryable, id: string, patch: { name?: string; reply?: string }): Promise<BotRecord | null> {
  const rows = await db.query<BotRecord>(
    `UPDATE bots SET name = COALESCE($2, name), reply = COALESCE($3, reply) WHERE id = $1 RETURNING id, name, reply`,
    [id, patch.name ?? null, patch.reply ?? null],
  );
  return rows[0] ?? null;
}
