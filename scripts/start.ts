// `npm start` after the installs: build the extension, run the PBX server (embedded PGlite), the
// demo CRM and the customer-phone simulator, open Chromium with Parley loaded when there is a
// screen, and print where everything is.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitForListeningLine } from './lib/listening.ts';

const root = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => { stopAll(); process.exit(130); });
process.on('SIGTERM', () => { stopAll(); process.exit(143); });

async function buildExtension(): Promise<void> {
  console.log('parley: building the extension…');
  // Quiet unless it fails: bundler warnings about third-party comments are not the newcomer's business.
  const build = spawn('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  build.stdout.on('data', (chunk) => (output += chunk));
  build.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => build.on('exit', done));
  if (code !== 0) throw new Error(`wxt build failed (exit ${code}):\n${output}`);
}

function launchBrowser(urls: string[]): boolean {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  if (!existsSync('/usr/bin/chromium')) return false;
  const profile = resolve(root, '.data/chromium-profile');
  mkdirSync(profile, { recursive: true });
  const browser = spawn('/usr/bin/chromium', [
    `--user-data-dir=${profile}`,
    `--load-extension=${resolve(root, '.output/chrome-mv3')}`,
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...urls,
  ], { cwd: root, stdio: 'ignore' });
  children.push(browser);
  return true;
}

async function main(): Promise<void> {
  await buildExtension();
  const server = run('node', ['--import', 'tsx', 'pbx-server/src/main.ts'], { PARLEY_DATA_DIR: process.env.PARLEY_DATA_DIR ?? '.data/pglite' });
  const demo = run('node', ['--import', 'tsx', 'demo/server.ts']);
  const [serverUrl, demoUrl] = await Promise.all([waitForListeningLine(server), waitForListeningLine(demo)]);
  const launched = launchBrowser([`${demoUrl}/cases/1001`, `${serverUrl}/simulator`]);

  console.log(`
Parley is running.
  PBX server          ${serverUrl}   (API document: ${serverUrl}/openapi.json)
  Customer simulator  ${serverUrl}/simulator
  Demo CRM            ${demoUrl}
  Sign in as          extension 201, password parley-201 (Jake Peralta)

${launched
    ? 'Chromium is open with Parley loaded: open its options (puzzle icon → Parley → Options) and connect.'
    : `No display here, so no browser was opened. To try it, load the built extension by hand:
  chrome://extensions → Developer mode → Load unpacked → ${resolve(root, '.output/chrome-mv3')}
  then open Parley's options, enter the server URL above and sign in.`}
Press Ctrl+C to stop.`);

  await Promise.race(children.slice(0, 2).map((child) => new Promise((done) => child.on('exit', done))));
  stopAll();
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('parley:', error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
});
