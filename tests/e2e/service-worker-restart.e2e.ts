// MV3 may stop the service worker at any moment. Stopped in the middle of a first sync (through the
// Chrome DevTools Protocol, as Chrome stops an idle worker), it must start again, resume from the
// last cursor it stored, and leave every message in the store and in the panel exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startPbxServer, type RunningProcess } from './harness/processes.ts';
import { serviceWorkerRunning, stopServiceWorker, storedRows } from './harness/service-worker.ts';
import { startThrottleProxy, type ThrottleProxy } from './harness/throttle-proxy.ts';

const DID = '+15035550100';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const CUSTOMERS = ['+15035550171', '+15035550172', '+15035550173', '+15035550174'];
const PER_CUSTOMER = 60;
const TOTAL = CUSTOMERS.length * PER_CUSTOMER;
const bodyOf = (customer: number, i: number) => `Customer ${customer + 1}, text ${i + 1}`;

describe('a service worker stopped mid-sync', () => {
  let server: RunningProcess;
  let proxy: ThrottleProxy;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startPbxServer('pglite');
    // The account's history, waiting on the server before the agent signs in.
    await Promise.all(
      CUSTOMERS.map(async (number, c) => {
        for (let i = 0; i < PER_CUSTOMER; i++) await customerTexts(server.url, number, DID, bodyOf(c, i));
      }),
    );
    // The extension talks to the server through a slow link, so the sync lasts long enough to interrupt.
    proxy = await startThrottleProxy(server.url, 24_000);
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
  });

  it('resumes from its stored cursor and the panel shows every message exactly once', async () => {
    await signIn(browser, proxy.url, '201', 'parley-201');
    const panel = await openPanel(browser);
    const stored = () => storedRows<{ id: string; conversationId: string }>(panel, 'messages');

    await expect.poll(async () => (await stored()).length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(20);
    const beforeStop = (await stored()).length;
    expect(beforeStop).toBeLessThan(TOTAL);
    await stopServiceWorker(browser);

    // The open panel reconnects its port to the background, which starts the worker again.
    await expect.poll(() => serviceWorkerRunning(browser), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await stored()).length, { timeout: 60_000, interval: 250 }).toBe(TOTAL);

    const rows = await stored();
    expect(new Set(rows.map((row) => row.id)).size).toBe(TOTAL);
    // The restarted worker asked for the events after its stored cursor, not for everything again.
    const cursors = proxy.requestLines.filter((line) => line.includes('/v1/events')).map((line) => Number(/cursor=(\d+)/.exec(line)?.[1]));
    expect(cursors.length).toBeGreaterThanOrEqual(2);
    expect(cursors[0]).toBe(0);
    expect(cursors.at(-1)).toBeGreaterThan(0);

    const list = panel.getByRole('list', { name: 'Conversations' });
    const thread = panel.getByRole('log', { name: 'Messages' });
    for (const [c, number] of CUSTOMERS.entries()) {
      await list.getByRole('button', { name: new RegExp(number.replace('+', '\\+')) }).click();
      await thread.getByText(bodyOf(c, PER_CUSTOMER - 1), { exact: true }).waitFor();
      // The newest page shows first; the older one joins above it once the thread is counted.
      await expect
        .poll(() => thread.locator('.bubble__body').allTextContents(), { timeout: 10_000 })
        .toEqual(Array.from({ length: PER_CUSTOMER }, (_, i) => bodyOf(c, i)));
    }
    await panel.screenshot({ path: resolve(ARTIFACTS, 'sw-restart-panel.png') });
  });
});
