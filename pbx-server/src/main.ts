import { systemClock } from './clock';
import { loadConfig } from './config/load';
import { openDbFromEnv } from './db/open';
import { parseCorsOrigins } from './http/cors';
import { startServer } from './server';
import { ControllableClock } from './test-clock';

/**
 * `tsx pbx-server/src/main.ts` — env: HOST, PORT (0 = any free port), DATABASE_URL or PARLEY_DATA_DIR,
 * PARLEY_CONFIG, PARLEY_SECRET, PARLEY_CORS_ORIGINS, PARLEY_SIMULATOR=0 to disable the simulator,
 * PARLEY_CLOCK=controllable (e2e tests only) to let POST /v1/test/clock set the server's clock.
 * Prints exactly one line once listening; scripts wait for it.
 */
async function main() {
  const env = process.env;
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got ${env.PORT}`);

  const config = loadConfig(env.PARLEY_CONFIG || undefined);
  if (env.PARLEY_CLOCK !== undefined && env.PARLEY_CLOCK !== '' && env.PARLEY_CLOCK !== 'controllable') {
    throw new Error(`PARLEY_CLOCK must be "controllable" or unset, got ${env.PARLEY_CLOCK}`);
  }
  const clockControl = env.PARLEY_CLOCK === 'controllable' ? new ControllableClock() : undefined;
  if (clockControl) console.error('[parley] PARLEY_CLOCK=controllable: POST /v1/test/clock sets this server\'s clock (tests only)');
  const db = await openDbFromEnv(env);
  let server;
  try {
    server = await startServer({
      db,
      config,
      port,
      host: env.HOST || '127.0.0.1',
      clock: systemClock,
      clockControl,
      secret: env.PARLEY_SECRET || undefined,
      corsOrigins: parseCorsOrigins(env.PARLEY_CORS_ORIGINS),
      simulator: env.PARLEY_SIMULATOR !== '0',
    });
  } catch (err) {
    await db.close();
    throw err;
  }
  console.log(`Parley PBX server listening on ${server.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      await db.close();
      process.exit(0);
    } catch (err) {
      console.error('[parley] shutdown failed', err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(`[parley] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
