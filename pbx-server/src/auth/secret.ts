import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db';

/**
 * The JWT signing secret: PARLEY_SECRET if given, else one generated on first start and kept in the
 * database so tokens survive restarts and are shared by every instance on the same database.
 */
export async function loadSigningSecret(db: Db, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db.query(`INSERT INTO settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const rows = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'jwt_secret'`);
  return rows[0]!.value;
}
