// The real reference server and the demo CRM as child processes, exactly as `npm start` runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { waitForListeningLine } from '../../../scripts/lib/listening.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export type Backend = 'pglite' | 'postgres';

export interface RunningProcess {
  url: string;
  stop(): Promise<void>;
}

async function startNode(script: string, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('node', ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForListeningLine(child);
  return { url, child };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** A database of its own for one test run: a PGlite directory, or a fresh database on the test PostgreSQL server. */
async function freshDatabase(backend: Backend): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-pglite-'));
    return { env: { PARLEY_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.PARLEY_TEST_PG_URL;
  if (!adminUrl) throw new Error('PARLEY_TEST_PG_URL is not set: run the e2e suite through scripts/with-postgres.sh');
  const name = `parley_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `env`: extra environment for the server process (e.g. PARLEY_CLOCK=controllable). */
export async function startPbxServer(backend: Backend, options: { env?: NodeJS.ProcessEnv } = {}): Promise<RunningProcess> {
  const database = await freshDatabase(backend);
  const { url, child } = await startNode('pbx-server/src/main.ts', { ...options.env, ...database.env, PORT: '0', HOST: '127.0.0.1' });
  return {
    url,
    stop: async () => {
      await stopChild(child);
      await database.drop();
    },
  };
}

export async function startDemoCrm(): Promise<RunningProcess> {
  const { url, child } = await startNode('demo/server.ts', { DEMO_PORT: '0', HOST: '127.0.0.1' });
  return { url, stop: () => stopChild(child) };
}

/** A free TCP port on 127.0.0.1, for a server that must come back on the same address. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RestartableServer extends RunningProcess {
  /** Starts it again on the same port and the same PGlite directory. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The reference server on a fixed port with a PGlite directory that outlives it: stop() and
 * start() bring back the same server, same database, same URL, as a real restart would.
 */
export async function startRestartablePbxServer(): Promise<RestartableServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-pglite-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    ({ child } = await startNode('pbx-server/src/main.ts', { PARLEY_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' }));
  };
  await start();
  const stop = async () => {
    if (child) await stopChild(child);
    child = null;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
