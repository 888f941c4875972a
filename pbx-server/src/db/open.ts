import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** DATABASE_URL wins; otherwise PGlite in PARLEY_DATA_DIR (default .data/pglite). */
export async function openDbFromEnv(env: NodeJS.ProcessEnv): Promise<Db> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.PARLEY_DATA_DIR || '.data/pglite');
}
