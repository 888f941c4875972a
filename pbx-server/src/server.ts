import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { buildApp, type PbxApp } from './app';
import { loadSigningSecret } from './auth/secret';
import { systemClock, type Clock } from './clock';
import type { PbxConfig } from './config/schema';
import { seedFromConfig } from './config/seed';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { errorBody } from './http/errors';
import type { ControllableClock } from './test-clock';

export type ServerOptions = {
  db: Db;
  config: PbxConfig;
  port?: number;
  host?: string;
  clock?: Clock;
  /** JWT secret; default: PARLEY_SECRET-less behaviour, a secret generated once and kept in the db. */
  secret?: string;
  corsOrigins?: readonly string[];
  simulator?: boolean;
  pingIntervalMs?: number;
  /** Events per backlog query when a client resumes (default 500). */
  backlogPageSize?: number;
  /** How often queue timeouts are checked (default 1000 ms; 0: only when runDueTimers() is called). */
  timerIntervalMs?: number;
  /** The clock e2e tests set through POST /v1/test/clock (main.ts, PARLEY_CLOCK=controllable only). */
  clockControl?: ControllableClock;
};

export type RunningServer = {
  url: string;
  port: number;
  app: PbxApp['app'];
  sink: PbxApp['sink'];
  /** Applies every timeout due at the clock's current time (tests move the clock, then call this). */
  runDueTimers(): Promise<void>;
  /** Stops accepting connections, closes sockets, waits for background work. Leaves the Db open. */
  close(): Promise<void>;
};

/**
 * Migrates and seeds the database, then listens. The caller owns the Db (tests share one across
 * restarts; main.ts closes it after close()).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db } = options;
  await migrate(db);
  await seedFromConfig(db, options.config);
  const secret = await loadSigningSecret(db, options.secret);

  // node-ws needs the app before routes exist; an outer Hono delegates to the real app.
  const outer = new Hono();
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app: outer });
  const pbx = buildApp({
    db,
    clock: options.clockControl ?? options.clock ?? systemClock,
    secret,
    corsOrigins: options.corsOrigins ?? [],
    simulator: options.simulator ?? true,
    pingIntervalMs: options.pingIntervalMs ?? 20_000,
    backlogPageSize: options.backlogPageSize,
    upgradeWebSocket,
    config: options.config,
    clockControl: options.clockControl,
  });
  outer.route('/', pbx.app);
  outer.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: outer.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  pbx.carriers.listeningAt(`http://${urlHost}:${port}`);
  pbx.scheduler.start(options.timerIntervalMs ?? 1000);

  return {
    url: `http://${urlHost}:${port}`,
    port,
    app: pbx.app,
    sink: pbx.sink,
    runDueTimers: () => pbx.scheduler.runDue(),
    async close() {
      await pbx.scheduler.stop();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive HTTP connections would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await pbx.background.drain();
    },
  };
}
