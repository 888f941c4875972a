import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoggedChild } from './child';
import { fakesmscMoArgument, parseFakesmscLog, type HandsetMessage } from './fakesmsc';
import { loadKannelTemplate, renderKannelConfig } from './kannel-config';
import { FatalPollError, pollUntil } from './poll';

/*
 * A real Kannel (Debian's bearerbox + smsbox) on loopback, with the fake SMSC from kannel-extras playing
 * the customer's handset. For integration tests and local development: it renders
 * pbx-server/kannel/kannel.conf.template into a temporary directory with free ports, starts the
 * boxes, waits until bearerbox reports them connected, and tears everything down in stop().
 */

export type KannelBinaries = { bearerbox: string; smsbox: string; fakesmsc: string };

export class KannelNotInstalledError extends Error {}

/** Debian's paths, overridable for other layouts (KANNEL_BEARERBOX, KANNEL_SMSBOX, KANNEL_FAKESMSC). */
export async function findKannelBinaries(env: NodeJS.ProcessEnv = process.env): Promise<KannelBinaries> {
  const binaries = {
    bearerbox: env.KANNEL_BEARERBOX ?? '/usr/sbin/bearerbox',
    smsbox: env.KANNEL_SMSBOX ?? '/usr/sbin/smsbox',
    fakesmsc: env.KANNEL_FAKESMSC ?? '/usr/lib/kannel/test/fakesmsc',
  };
  const missing: string[] = [];
  for (const [name, path] of Object.entries(binaries)) {
    try {
      await access(path, constants.X_OK);
    } catch {
      missing.push(`${name} (${path})`);
    }
  }
  if (missing.length > 0) {
    throw new KannelNotInstalledError(
      `Kannel is not installed: missing ${missing.join(', ')}. Install it with ` +
        '`apt-get install -y kannel kannel-extras` (and stop the system-wide kannel service it may start).',
    );
  }
  return binaries;
}

/** n distinct free TCP ports on 127.0.0.1: all held open together so none is handed out twice. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<import('node:net').Server>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export type SmscStatus = { id: string; status: string; smsReceived: number; smsSent: number };
export type BearerboxStatus = { running: boolean; smsboxConnected: boolean; smscs: SmscStatus[] };

/** The parts of bearerbox's status.xml the harness waits on. */
export function parseBearerboxStatus(xml: string): BearerboxStatus {
  const smscs: SmscStatus[] = [];
  for (const block of xml.match(/<smsc>[\s\S]*?<\/smsc>/g) ?? []) {
    const id = /<id>([^<]*)<\/id>/.exec(block)?.[1];
    if (!id) continue;
    smscs.push({
      id,
      status: /<status>([^<]*)<\/status>/.exec(block)?.[1] ?? '',
      smsReceived: Number(/<sms>\s*<received>(\d+)<\/received>/.exec(block)?.[1] ?? 0),
      smsSent: Number(/<sms>[\s\S]*?<sent>(\d+)<\/sent>/.exec(block)?.[1] ?? 0),
    });
  }
  return {
    running: /<gateway>[\s\S]*?<status>running/.test(xml),
    smsboxConnected: /<box>\s*<type>smsbox<\/type>/.test(xml),
    smscs,
  };
}

export type StartKannelOptions = {
  /** Where Parley (or a stand-in) listens, e.g. http://127.0.0.1:3000: get-url target of MO messages. */
  parleyBaseUrl: string;
  /** The shared secret Kannel puts on every get-url (Parley's carriers.<name>.token); default: a random one. */
  parleyToken?: string;
  /** Per wait; the whole start is a few of these at most. */
  readyTimeoutMs?: number;
  /** Kannel log level for the box log files: 0 debug .. 4 panic. */
  logLevel?: number;
};

export type MoMessage = { from: string; to: string; text: string };

export interface KannelHarness {
  readonly ports: { admin: number; smsbox: number; sendsms: number; fakeSmsc: number; fakeSmscMo: number };
  /** http://127.0.0.1:<port>/cgi-bin/sendsms */
  readonly sendsmsUrl: string;
  readonly username: string;
  readonly password: string;
  /** What Kannel sends as ?token= on the get-url. */
  readonly parleyToken: string;
  /** The rendered kannel.conf and the box logs live here until stop(). */
  readonly dir: string;
  /** A customer texts in: resolves once bearerbox has taken the message from the fake SMSC. */
  sendMo(message: MoMessage): Promise<void>;
  /** Every MT message the handset has received so far, in order. */
  receivedMt(): HandsetMessage[];
  status(): Promise<BearerboxStatus>;
  /** Tails of the box logs and child outputs, for failure messages. */
  diagnostics(): Promise<string>;
  stop(): Promise<void>;
}

export async function startKannel(options: StartKannelOptions): Promise<KannelHarness> {
  const binaries = await findKannelBinaries();
  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  const dir = await mkdtemp(join(tmpdir(), 'parley-kannel-'));
  const [admin, smsbox, sendsms, fakeSmsc, fakeSmscMo] = (await freePorts(5)) as [number, number, number, number, number];
  const secret = () => randomBytes(12).toString('hex');
  const statusPassword = secret();
  const username = 'parley';
  const parleyToken = options.parleyToken ?? secret();
  const password = secret();
  const config = renderKannelConfig(await loadKannelTemplate(), {
    ADMIN_PORT: admin,
    ADMIN_PASSWORD: secret(),
    STATUS_PASSWORD: statusPassword,
    SMSBOX_PORT: smsbox,
    SENDSMS_PORT: sendsms,
    SENDSMS_USERNAME: username,
    SENDSMS_PASSWORD: password,
    FAKE_SMSC_PORT: fakeSmsc,
    FAKE_SMSC_MO_PORT: fakeSmscMo,
    PARLEY_BASE_URL: options.parleyBaseUrl,
    PARLEY_TOKEN: parleyToken,
    LOG_DIR: dir,
    LOG_LEVEL: options.logLevel ?? 0,
  });
  const configPath = join(dir, 'kannel.conf');
  await writeFile(configPath, config, { mode: 0o600 });

  const children: LoggedChild[] = [];
  // If the test process dies without stop(), do not leave a gateway behind.
  const onExit = () => children.forEach((c) => c.killNow());
  process.once('exit', onExit);

  const logTail = async (file: string) => {
    try {
      return (await readFile(join(dir, file), 'utf8')).split('\n').slice(-25).join('\n');
    } catch {
      return '(none)';
    }
  };
  let boxLogs = '';
  const diagnostics = () =>
    [boxLogs, ...children.map((c) => `--- ${c.name}: ${c.describeExit()}\n${c.tail(15)}`)].join('\n');
  const refreshBoxLogs = async () => {
    boxLogs = `--- bearerbox.log\n${await logTail('bearerbox.log')}\n--- smsbox.log\n${await logTail('smsbox.log')}`;
  };

  const status = async (): Promise<BearerboxStatus> => {
    const response = await fetch(`http://127.0.0.1:${admin}/status.xml?password=${statusPassword}`, {
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) throw new Error(`status.xml answered ${response.status}`);
    return parseBearerboxStatus(await response.text());
  };
  const alive = (child: LoggedChild) => {
    if (child.hasExited) throw new FatalPollError(`${child.describeExit()}\n${child.tail()}`);
  };
  const waitFor = async <T>(what: string, check: () => Promise<T | undefined>, ms = timeoutMs) => {
    try {
      return await pollUntil(what, check, { timeoutMs: ms, intervalMs: 50 });
    } catch (err) {
      await refreshBoxLogs();
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`kannel: ${message}\n${diagnostics()}`);
    }
  };
  const start = (name: string, command: string, args: string[]) => {
    const child = new LoggedChild(name, command, args, dir);
    children.push(child);
    return child;
  };
  const smscOnline = async (id: string) => {
    const smsc = (await status()).smscs.find((s) => s.id === id);
    return smsc?.status.startsWith('online') ? smsc : undefined;
  };

  const stop = async () => {
    // Boxes and handsets together: each one ends on SIGTERM by itself, bearerbox in ~2 s.
    await Promise.all(children.map((c) => c.stop()));
    process.removeListener('exit', onExit);
    await rm(dir, { recursive: true, force: true });
  };

  let handset: LoggedChild;
  try {
    // -v 1: info and up on the console (kept for error messages); the log files get LOG_LEVEL.
    const bearerbox = start('bearerbox', binaries.bearerbox, ['-v', '1', configPath]);
    await waitFor('bearerbox admin status', async () => {
      alive(bearerbox);
      return (await status()).running || undefined;
    });
    const smsboxChild = start('smsbox', binaries.smsbox, ['-v', '1', configPath]);
    await waitFor('smsbox to connect to bearerbox and open sendsms', async () => {
      alive(smsboxChild);
      if (!(await status()).smsboxConnected) return undefined;
      // Any HTTP answer (403 without credentials) means the sendsms listener is up.
      const response = await fetch(`http://127.0.0.1:${sendsms}/cgi-bin/sendsms`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return true;
    });
    // The handset: connected for good, sending nothing (-m 0) and printing every MT it gets.
    // fakesmsc insists on a message argument even when it is to send none.
    handset = start('fakesmsc handset', binaries.fakesmsc, ['-H', '127.0.0.1', '-r', String(fakeSmsc), '-i', '0', '-m', '0', '0 0 text unused']);
    await waitFor('the handset fakesmsc to connect', async () => {
      alive(handset);
      return smscOnline('handset');
    });
  } catch (err) {
    await stop();
    throw err;
  }

  // The fake SMSC serves one client at a time, so MO messages go one after another.
  let moQueue: Promise<unknown> = Promise.resolve();
  const sendMoNow = async ({ from, to, text }: MoMessage) => {
    const before = (await status()).smscs.find((s) => s.id === 'handset-mo')?.smsReceived ?? 0;
    const argument = fakesmscMoArgument(from, to, text);
    const mo = start('fakesmsc mo', binaries.fakesmsc, ['-H', '127.0.0.1', '-r', String(fakeSmscMo), '-i', '0', '-m', '1', argument]);
    try {
      // Done when bearerbox counts it received: from there on Kannel owns it (routes it to smsbox,
      // which calls the get-url). fakesmsc itself never exits after sending, so it is stopped here.
      await waitFor(`bearerbox to receive the MO from ${from}`, async () => {
        alive(mo);
        const smsc = (await status()).smscs.find((s) => s.id === 'handset-mo');
        return smsc && smsc.smsReceived > before ? true : undefined;
      });
    } finally {
      await mo.stop();
      children.splice(children.indexOf(mo), 1);
    }
  };

  return {
    ports: { admin, smsbox, sendsms, fakeSmsc, fakeSmscMo },
    sendsmsUrl: `http://127.0.0.1:${sendsms}/cgi-bin/sendsms`,
    username,
    password,
    parleyToken,
    dir,
    sendMo(message) {
      const run = moQueue.then(() => sendMoNow(message));
      moQueue = run.catch(() => undefined);
      return run;
    },
    receivedMt: () => parseFakesmscLog(handset.output),
    status,
    diagnostics: async () => {
      await refreshBoxLogs();
      return diagnostics();
    },
    stop,
  };
}
