// Inbound texts routed, stored and pushed per second, with 200 agents connected, on PGlite (a data
// directory, the default) and on PostgreSQL; beside a baseline of plain single-row INSERTs into the
// same database in the same run; and push latency at a steady 100 texts per second.
//
// A text enters where every carrier's texts enter (the CarrierSink: routing, storage, the STOP/HELP
// check) and counts as done when its message.created frame has reached every member of its ring
// group over their WebSockets, as the extension would receive it. The agents' sockets run in a child
// process (push-clients.ts): real agents are other machines, not the server's process.
//
// Without PARLEY_TEST_PG_URL this file runs itself again under scripts/with-postgres.sh, which starts
// and removes a throwaway PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { hashPassword } from '../../../pbx-server/src/auth/passwords';
import { PbxConfigSchema, type PbxConfig } from '../../../pbx-server/src/config/schema';
import { seedFromConfig } from '../../../pbx-server/src/config/seed';
import type { Db } from '../../../pbx-server/src/db/db';
import { migrate } from '../../../pbx-server/src/db/migrate';
import { openPglite } from '../../../pbx-server/src/db/pglite';
import { openPostgres } from '../../../pbx-server/src/db/postgres';
import { startServer, type RunningServer } from '../../../pbx-server/src/server';
import { CpuUse } from './cpu-use';
import { profileFollowUps } from './follow-up-profile';
import { PushClients } from './push-clients';
import { StatementCount } from './statement-count';

const AGENTS = 200;
const GROUP_SIZE = 5; // 40 ring groups of 5: every text reaches 5 sockets
const CUSTOMERS = 1_000;
const FOLLOW_UPS = 5_000;
const IN_FLIGHT = 50; // texts a carrier has outstanding at once
const STEADY_RATE = 100; // texts per second for the latency figures
const STEADY_SECONDS = 10;
const ROUNDS = 2; // each throughput measured twice, interleaved with the baseline; the better one kept

const root = resolve(import.meta.dirname, '../../..');

if (!process.env.PARLEY_TEST_PG_URL) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync('bash', ['scripts/with-postgres.sh', process.execPath, '--expose-gc', '--import', 'tsx', self], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const groups = AGENTS / GROUP_SIZE;
const agentExtension = (i: number) => String(1000 + i);
const groupDid = (g: number) => `+1503555${String(2000 + g)}`;
const customerNumber = (c: number) => `+1555${String(3_000_000 + c).padStart(7, '0')}`;

function benchConfig(): PbxConfig {
  return PbxConfigSchema.parse({
    agents: Array.from({ length: AGENTS }, (_, i) => ({ extension: agentExtension(i), name: `Agent ${i}`, password: `bench-${i}` })),
    groups: Array.from({ length: groups }, (_, g) => ({
      kind: 'ring_group',
      extension: String(7000 + g),
      name: `Group ${g}`,
      strategy: 'round_robin',
      members: Array.from({ length: GROUP_SIZE }, (_, k) => agentExtension(g * GROUP_SIZE + k)),
    })),
    numbers: Array.from({ length: groups }, (_, g) => ({
      number: groupDid(g),
      channel: 'sms',
      label: `Line ${g}`,
      inboundRoute: { type: 'ring_group', extension: String(7000 + g) },
    })),
  });
}

type Backend = { name: string; db: Db; dispose(): Promise<void> };

async function openBackend(name: 'pglite' | 'postgres'): Promise<Backend> {
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-pglite-'));
    const db = await openPglite(dir);
    return { name: 'PGlite (data dir)', db, dispose: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const adminUrl = process.env.PARLEY_TEST_PG_URL!;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const database = `parley_bench_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const db = openPostgres(url.toString());
  return {
    name: 'PostgreSQL',
    db,
    dispose: async () => {
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `count` jobs with at most `inFlight` outstanding. */
async function pool(count: number, inFlight: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(backend: Backend) {
  const { db } = backend;
  // The server's statements are counted; the baseline runs on the database directly.
  const count = new StatementCount();
  await migrate(db);
  // Cheap password hashes: 200 logins at full scrypt cost would only slow the set-up.
  const config = benchConfig();
  await seedFromConfig(db, config, { hash: (password) => hashPassword(password, { N: 16, r: 1, p: 1 }) });
  const server: RunningServer = await startServer({ db: count.wrap(db), config, port: 0, timerIntervalMs: 0, simulator: false });
  const clients = new PushClients(GROUP_SIZE);
  try {
    const tokens = await Promise.all(
      Array.from({ length: AGENTS }, async (_, i) => {
        const res = await fetch(`${server.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ extension: agentExtension(i), password: `bench-${i}` }),
        });
        return ((await res.json()) as { accessToken: string }).accessToken;
      }),
    );
    await clients.connect(server.url, tokens);

    let sent = 0;
    // In the clock the agent sockets' process uses too (push-clients.ts).
    const sentAt = new Map<number, number>();
    const text = (customer: number) => {
      const n = sent++;
      sentAt.set(n, performance.timeOrigin + performance.now());
      return server.sink.receiveInbound({
        carrier: 'loopback',
        carrierMessageId: `bench-${n}`,
        from: customerNumber(customer),
        to: groupDid(customer % groups),
        body: `b${n}`,
      });
    };
    /** Texts through the sink, IN_FLIGHT at a time, until every one reached every recipient. */
    const throughput = async (count: number, customerOf: (i: number) => number) => {
      const start = performance.now();
      const first = sent;
      await pool(count, IN_FLIGHT, (i) => text(customerOf(i)));
      await clients.completed(first + count);
      return perSecond(count, performance.now() - start);
    };

    await db.query('CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL)');
    const baseline = async (count: number) => {
      const start = performance.now();
      await pool(count, IN_FLIGHT, (i) =>
        db.query('INSERT INTO bench_baseline (body, created_at) VALUES ($1, $2::timestamptz)', [`b${i}`, new Date().toISOString()]),
      );
      return perSecond(count, performance.now() - start);
    };

    // Warm-up: JIT, connections, plan caches.
    await baseline(500);
    await throughput(200, (i) => CUSTOMERS + i);

    let since = count.snapshot();
    const firstTexts = await throughput(CUSTOMERS, (i) => i);
    const firstCost = count.per(since, CUSTOMERS);
    let best = { inserts: 0, followUps: 0 };
    let followUpCost = '';
    const cpu = await CpuUse.of(db);
    let cpuPerInsert = '';
    let cpuPerFollowUp = '';
    for (let round = 0; round < ROUNDS; round++) {
      global.gc?.();
      let cpuSince = cpu.snapshot();
      const inserts = await baseline(FOLLOW_UPS);
      cpuPerInsert = cpu.per(cpuSince, FOLLOW_UPS);
      global.gc?.();
      since = count.snapshot();
      const profile = await profileFollowUps(backend.db.backend);
      cpuSince = cpu.snapshot();
      const followUps = await throughput(FOLLOW_UPS, (i) => i % CUSTOMERS);
      cpuPerFollowUp = cpu.per(cpuSince, FOLLOW_UPS);
      await profile?.stop();
      followUpCost = count.per(since, FOLLOW_UPS);
      best = { inserts: Math.max(best.inserts, inserts), followUps: Math.max(best.followUps, followUps) };
    }

    // Latency at a steady rate: each text's time from the sink to each recipient's socket.
    const first = sent;
    const total = STEADY_RATE * STEADY_SECONDS;
    const start = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / STEADY_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(text(i % CUSTOMERS));
    }
    await Promise.all(pending);
    await clients.completed(first + total);
    const latencies: number[] = [];
    const arrivals = await clients.arrivals(first, first + total);
    arrivals.forEach((times, i) => times.forEach((at) => latencies.push(at - sentAt.get(first + i)!)));
    latencies.sort((a, b) => a - b);

    return { firstTexts, ...best, firstCost, followUpCost, cpuPerInsert, cpuPerFollowUp, p50: percentile(latencies, 50), p99: percentile(latencies, 99), deliveries: latencies.length };
  } finally {
    clients.close();
    await server.close();
  }
}

async function main() {
  console.log(
    `${AGENTS} agents connected, ${groups} ring groups of ${GROUP_SIZE}: every text is pushed to ${GROUP_SIZE} sockets. ` +
      `${IN_FLIGHT} texts in flight; baseline = single-row INSERTs, ${IN_FLIGHT} in flight, same database, same run.`,
  );
  const rows: string[][] = [];
  const costs: string[] = [];
  // PARLEY_BENCH_BACKENDS=pglite (or postgres) measures one of them only.
  const wanted = (process.env.PARLEY_BENCH_BACKENDS ?? 'pglite,postgres').split(',');
  for (const name of (['pglite', 'postgres'] as const).filter((b) => wanted.includes(b))) {
    const backend = await openBackend(name);
    try {
      const r = await measure(backend);
      rows.push([
        backend.name,
        `${r.firstTexts}`,
        `${r.followUps}`,
        `${r.inserts}`,
        `${Math.round((100 * r.followUps) / r.inserts)}%`,
        `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms (${r.deliveries} pushes)`,
      ]);
      costs.push(`${backend.name}: per first text ${r.firstCost}; per follow-up ${r.followUpCost}.`);
      costs.push(`${backend.name}: CPU per follow-up ${r.cpuPerFollowUp}; per baseline insert ${r.cpuPerInsert} (last round).`);
    } finally {
      await backend.dispose();
    }
  }
  const header = ['backend', 'first texts/s', 'follow-ups/s', 'baseline inserts/s', 'follow-ups vs baseline', `push p50 / p99 at ${STEADY_RATE}/s`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  for (const line of costs) console.log(line);
  console.log(FOLLOW_UP_PATH);
}

// What a follow-up text costs the server, for reading the figures above (pbx-server/README.md).
const FOLLOW_UP_PATH = [
  'Follow-up path: texts arriving together share one transaction; per text it writes one message row, one',
  'conversation update (activity and unread total) and one event row listing the 5 recipients; no row per',
  'member (unread = conversation total - member base, migration 011), no row per recipient (migration 012),',
  'and the conversation view comes from a cache keyed by its view version (routing/inbound-views.ts).',
  'PostgreSQL stores up to 4 batches side by side (never two with the same customer and line); PGlite one.',
  'Each event is serialized once for its 5 frames; the server sends every frame in full. The 200 agent',
  'sockets run in a child process on the same machine (agent-sockets.ts; they used to run in the server\'s',
  'process, taking its CPU), so the CPU figures of node are the server\'s alone.',
  'Target: follow-ups >= 40% of the baseline, push p99 < 50 ms at 100/s.',
].join('\n');

await main();
process.exit(0);
