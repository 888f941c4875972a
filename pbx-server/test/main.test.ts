import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { BACKENDS, DEMO, http, login, openTestDb, type TestDb } from './harness';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const LISTENING = /^Parley PBX server listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

type Started = { child: ChildProcess; url: string; stdout: () => string; exited: Promise<number | null> };

/** Runs main.ts as `npm run server` would and waits for its one "listening" line. */
async function runMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATABASE_URL: '', PARLEY_DATA_DIR: '', PARLEY_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; stderr: ${stderr}`)), 30_000);
    const check = () => {
      const match = LISTENING.exec(stdout.split('\n')[0] ?? '');
      if (match && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`exited ${code} before listening; stderr: ${stderr}`)));
  });
  return { child, url, stdout: () => stdout, exited };
}

describe.each(BACKENDS)('main.ts process (%s)', (backend) => {
  let testDb: TestDb | undefined;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    // The process under test, with a directory of one agent and their line: every start runs
    // scrypt at full cost for each agent, which the demo's seven would multiply.
    const demo = loadConfig();
    const config = { agents: demo.agents.filter((a) => a.extension === '201'), numbers: demo.numbers.filter((n) => n.number === DEMO.did) };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    env = { PARLEY_CONFIG: join(dir, 'config.json') };
    if (backend === 'postgres') {
      testDb = await openTestDb('postgres');
      env.DATABASE_URL = testDb.url!;
    } else {
      env.PARLEY_DATA_DIR = join(dir, 'pglite');
    }
  });
  afterAll(async () => {
    await testDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  // Two real starts (tsx, a fresh PGlite data directory) on a two-core machine that may be running
  // other suites: more than the default 30 s.
  it('prints one listening line with the real port for PORT=0, serves, and exits 0 on SIGTERM; data and tokens survive a restart', async () => {
    const first = await runMain({ ...env, PORT: '0' });
    expect(Number(LISTENING.exec(first.stdout().trim())?.[2])).toBeGreaterThan(0);
    const session = await login(first.url);
    const created = await http(first.url, 'POST', '/v1/conversations', { token: session.accessToken, json: { customerNumber: '+15550109999' } });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stdout().trim().split('\n')).toHaveLength(1);

    const second = await runMain({ ...env, PORT: '0' });
    try {
      // The signing secret was generated once and kept in the database, so old tokens stay valid.
      const listed = await http(second.url, 'GET', '/v1/conversations', { token: session.accessToken });
      expect(listed.status).toBe(200);
      expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([created.body.conversation.id]);
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  }, 90_000);
});
