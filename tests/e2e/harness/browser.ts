// Debian's Chromium with the built extension loaded, driven by playwright-core.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  extensionUrl(path: string): string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * `profile`: a user-data directory to start from and keep after close, to restart the browser with
 * everything it stored (IndexedDB, storage.local), as a real browser restart does. Without it, a
 * fresh profile is made and deleted on close. `args`: extra Chromium switches (a benchmark's
 * `--js-flags=--expose-gc`, `--enable-precise-memory-info`).
 */
export async function launchWithExtension(options: { profile?: string; args?: string[] } = {}): Promise<ExtensionBrowser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'parley-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Chromium's new headless mode loads extensions, so no display is needed.
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.args ?? []),
    ],
    viewport: { width: 1280, height: 800 },
  });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    serviceWorker,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
