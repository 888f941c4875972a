import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { Clock } from '../src/clock';
import { hashPassword } from '../src/auth/passwords';
import { loadConfig } from '../src/config/load';
import { seedFromConfig } from '../src/config/seed';
import { PbxConfigSchema, type PbxConfig } from '../src/config/schema';
import type { Db } from '../src/db/db';
import { migrate } from '../src/db/migrate';
import { openPglite, pgliteDb } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import { startServer, type RunningServer, type ServerOptions } from '../src/server';

/**
 * Every server test runs once per backend: in-memory PGlite always, and a real PostgreSQL server when
 * PARLEY_TEST_PG_URL is set (scripts/with-postgres.sh). Each test file gets its own fresh database.
 */
export type BackendName = 'pglite' | 'postgres';

export const BACKENDS: BackendName[] = process.env.PARLEY_TEST_PG_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDb = { db: Db; url?: string; dispose(): Promise<void> };

/**
 * A fresh database. PGlite starts from a migrated template (creating a PGlite runs initdb, over a
 * second per test file; loading a dump of one is a third of that); `fresh` skips the template.
 */
export async function openTestDb(backend: BackendName, opts: { fresh?: boolean } = {}): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = opts.fresh ? await openPglite() : pgliteDb(await PGlite.create({ loadDataDir: await migratedPgliteTemplate() }), 'pglite (memory)');
    return { db, dispose: () => db.close() };
  }
  const adminUrl = process.env.PARLEY_TEST_PG_URL!;
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/**
 * A dump of an in-memory PGlite with every migration applied, cached in the temp dir under a hash of
 * the migrations, so test files and runs share it; written atomically, so parallel workers may race.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  const path = join(tmpdir(), `parley-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(path)) {
    const pg = await PGlite.create();
    await migrate(pgliteDb(pg, 'template'));
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return new Blob([readFileSync(path)]);
}

// Test-only scrypt cost: these passwords are public demo passwords anyway.
const TEST_SCRYPT = { N: 16, r: 1, p: 1 };

/** A clock tests can move forward. */
export class TestClock implements Clock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
}

export type TestServer = RunningServer & {
  db: Db;
  clock: TestClock;
  /** Moves the clock forward and applies every timeout that became due (no sleeping). */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
};

export async function startTestServer(
  backend: BackendName,
  options: Partial<Omit<ServerOptions, 'db'>> = {},
): Promise<TestServer> {
  const testDb = await openTestDb(backend);
  const clock = new TestClock();
  const config: PbxConfig = options.config ?? loadConfig();
  // Seeded first with deliberately cheap password hashes: the server's own seeding then only
  // verifies them (cheaply) instead of running scrypt at full cost for every agent, and so do logins.
  await migrate(testDb.db);
  await seedFromConfig(testDb.db, config, { hash: (password) => hashPassword(password, TEST_SCRYPT) });
  // Timeouts run only when a test says so (advance), never on a wall-clock timer.
  const server = await startServer({ port: 0, clock, timerIntervalMs: 0, ...options, config, db: testDb.db });
  return {
    ...server,
    db: testDb.db,
    clock,
    async advance(ms: number) {
      clock.offsetMs += ms;
      await server.runDueTimers();
    },
    async stop() {
      await server.close();
      await testDb.dispose();
    },
  };
}

// ---- HTTP ----

export type Reply<T = any> = { status: number; body: T; headers: Headers };

export async function http<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON (HTML page, empty body) */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The demo config's people and numbers (config/demo.json). */
export const DEMO = {
  jake: { extension: '201', password: 'parley-201' },
  amy: { extension: '202', password: 'parley-202' },
  rosa: { extension: '203', password: 'parley-203' },
  charles: { extension: '204', password: 'parley-204' },
  wyatt: { extension: '211', password: 'parley-211' },
  terry: { extension: '300', password: 'parley-300' },
  holt: { extension: '900', password: 'parley-900' },
  /** Routes to Jake (201). */
  did: '+15035550100',
  /** Routes to the SMS Support Queue (8000: 201, 202, 211). */
  queueDid: '+15035550111',
  /** Routes to the Sales ring group (6000: 202, 203, 204). */
  salesDid: '+15035550122',
  /** Routes to the Parley Assistant bot. */
  botDid: '+15035550199',
};

export async function login(base: string, who: { extension: string; password: string } = DEMO.jake) {
  const res = await http(base, 'POST', '/v1/auth/login', { json: who });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string; expiresIn: number; agent: { id: string } };
}

let customerCounter = 0;
/** A distinct, possible US number per call so tests sharing a server never share a conversation. */
export function freshCustomer(): string {
  customerCounter += 1;
  return `+1555${String(customerCounter).padStart(7, '0')}`;
}

export async function textFromCustomer(base: string, from: string, body: string, to = DEMO.did) {
  const res = await http(base, 'POST', '/v1/simulator/messages', { json: { from, to, body } });
  if (res.status !== 202) throw new Error(`simulator send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// ---- WebSocket ----

export type Frame =
  | { type: 'event'; cursor: number; event: any }
  | { type: 'synced'; cursor: number }
  | { type: 'ping' };

/** A /v1/events client that records every frame; waitFor() checks the record as each frame arrives. */
export class EventClient {
  readonly frames: Frame[] = [];
  closeCode: number | null = null;
  private readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(base: string, token: string, cursor?: number) {
    const url = new URL('/v1/events', base.replace(/^http/, 'ws'));
    url.searchParams.set('access_token', token);
    if (cursor !== undefined) url.searchParams.set('cursor', String(cursor));
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      for (const check of [...this.checks]) check();
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  get events() {
    return this.frames.filter((f): f is Extract<Frame, { type: 'event' }> => f.type === 'event');
  }

  get synced() {
    return this.frames.some((f) => f.type === 'synced');
  }

  lastCursor(): number {
    const events = this.events;
    return events.length ? events[events.length - 1]!.cursor : 0;
  }

  private readonly checks = new Set<() => void>();

  waitFor<T>(probe: (client: this) => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const value = probe(this);
        if (!value) return;
        clearTimeout(timer);
        this.checks.delete(check);
        resolve(value);
      };
      this.checks.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}

export async function connectEvents(base: string, token: string, cursor?: number): Promise<EventClient> {
  const client = new EventClient(base, token, cursor);
  await client.opened;
  await client.waitFor((c) => c.synced, 'synced frame');
  return client;
}

// ---- configs and sessions for the directory/queue tests ----

type ConfigParts = { agents?: unknown[]; groups?: unknown[]; numbers?: unknown[]; bots?: unknown[]; contacts?: unknown[] };

/** The demo config plus more agents, groups, numbers, bots or contacts. */
export function demoWith(extra: ConfigParts): PbxConfig {
  const demo = loadConfig();
  return PbxConfigSchema.parse({
    ...demo,
    agents: [...demo.agents, ...(extra.agents ?? [])],
    groups: [...demo.groups, ...(extra.groups ?? [])],
    numbers: [...demo.numbers, ...(extra.numbers ?? [])],
    bots: [...demo.bots, ...(extra.bots ?? [])],
    contacts: [...demo.contacts, ...(extra.contacts ?? [])],
  });
}

export type Who = { extension: string; password: string };
export type Session = { id: string; token: string };

/**
 * Logged-in agents of one test server, logged in once each (scrypt is slow on purpose). A session
 * made before the clock moved is made again: access tokens expire by the server's clock.
 */
export class Sessions {
  private readonly cache = new Map<string, { session: Session; offsetMs: number }>();

  constructor(private readonly server: TestServer) {}

  async of(who: Who): Promise<Session> {
    const cached = this.cache.get(who.extension);
    if (cached && cached.offsetMs === this.server.clock.offsetMs) return cached.session;
    const tokens = await login(this.server.url, who);
    const session = { id: tokens.agent.id, token: tokens.accessToken };
    this.cache.set(who.extension, { session, offsetMs: this.server.clock.offsetMs });
    return session;
  }

  async token(who: Who): Promise<string> {
    return (await this.of(who)).token;
  }
}

/** What a simulated customer's phone shows, oldest first. */
export async function phoneOf(base: string, number: string) {
  const res = await http(base, 'GET', `/v1/simulator/messages?number=${encodeURIComponent(number)}`);
  return res.body.messages as { from: string; to: string; body: string; direction: 'to-customer' | 'from-customer' }[];
}

/**
 * Proves a negative without sleeping: a presence event the agent causes now arrives after every
 * event committed before it, so once it is on the socket, whatever was not there never came.
 * Logging in to a group the agent is logged in to already changes nothing else.
 */
export async function fence(base: string, client: EventClient, token: string, groupId: string): Promise<void> {
  const before = client.events.length;
  const res = await http(base, 'POST', `/v1/groups/${groupId}/login`, { token });
  if (res.status !== 200) throw new Error(`fence login failed: ${res.status} ${JSON.stringify(res.body)}`);
  await client.waitFor((c) => c.events.slice(before).some((f) => f.event.kind === 'presence.updated'), 'fence');
}

/** The id of a demo group by its extension. */
export async function groupId(base: string, token: string, extension: string): Promise<string> {
  const res = await http(base, 'GET', '/v1/groups', { token });
  const group = (res.body.groups as { id: string; extension: string }[]).find((g) => g.extension === extension);
  if (!group) throw new Error(`no group ${extension}`);
  return group.id;
}

/**
 * A test server for one describe block (started before its tests, stopped after), its agents'
 * sessions, and a call as one of them. Fields are set once the block's tests run.
 */
export function useTestServer(backend: BackendName, options: Partial<Omit<ServerOptions, 'db'>> = {}) {
  const t = {
    server: undefined as unknown as TestServer,
    as: undefined as unknown as Sessions,
    call: async <T = any>(who: Who, method: string, path: string, json?: unknown) => http<T>(t.server.url, method, path, { token: await t.as.token(who), json }),
  };
  beforeAll(async () => {
    t.server = await startTestServer(backend, options);
    t.as = new Sessions(t.server);
  });
  afterAll(() => t.server?.stop());
  return t;
}
