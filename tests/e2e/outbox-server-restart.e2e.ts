// The outbox across a server outage: replies typed while the PBX is down wait in the extension,
// and when the server comes back (same port, same database) every one reaches the customer exactly
// once and in the order typed, even when the browser was closed and started again meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts, textsReceivedBy } from './harness/customer.ts';
import { startRestartablePbxServer, type RestartableServer } from './harness/processes.ts';

const DID = '+15035550100';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

describe('replies written while the server is down', () => {
  let server: RestartableServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startRestartablePbxServer();
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('reach the customer exactly once, in order, after the server restarts on the same port and database', async () => {
    const customer = '+15035550161';
    const replies = Array.from({ length: 20 }, (_, i) => `Update ${i + 1} of 20 on your order`);
    const panel = await openPanel(browser);
    await customerTexts(server.url, customer, DID, 'Any news on my order?');
    await panel.getByRole('list', { name: 'Conversations' }).getByText('Any news on my order?').click();
    const thread = panel.getByRole('log', { name: 'Messages' });
    await thread.getByText('Any news on my order?').waitFor();

    await server.stop();
    await panel.getByRole('status').filter({ hasText: /Offline — retrying/ }).waitFor({ timeout: 30_000 });

    const composer = panel.getByRole('textbox', { name: 'Message' });
    for (const reply of replies) {
      await composer.fill(reply);
      await composer.press('Enter');
      await expect.poll(() => composer.inputValue()).toBe('');
    }
    // Every reply is in the thread at once, waiting.
    for (const reply of replies) await thread.getByText(reply, { exact: true }).waitFor();
    expect(await thread.locator('.bubble--queued').count()).toBe(20);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'outbox-server-down.png') });

    await server.start();
    await expect.poll(async () => (await textsReceivedBy(server.url, customer)).map((m) => m.body), { timeout: 60_000, interval: 500 }).toEqual(replies);
    await panel.getByRole('status').filter({ hasText: 'Online' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => thread.locator('.bubble--delivered').count(), { timeout: 15_000 }).toBe(20);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'outbox-server-back.png') });

    // No retry path may send any of them again: give them a moment, then recount.
    await panel.waitForTimeout(1500);
    expect((await textsReceivedBy(server.url, customer)).map((m) => m.body)).toEqual(replies);
    for (const reply of replies) expect(await thread.getByText(reply, { exact: true }).count()).toBe(1);
  });

  it('are sent after a browser restart too, from what the extension stored before it was closed', async () => {
    const customer = '+15035550162';
    const replies = ['Written before the browser closed (1)', 'Written before the browser closed (2)', 'Written before the browser closed (3)'];
    const profile = mkdtempSync(join(tmpdir(), 'parley-e2e-kept-profile-'));
    try {
      const before = await launchWithExtension({ profile });
      await signIn(before, server.url, '201', 'parley-201');
      const panel = await openPanel(before);
      await customerTexts(server.url, customer, DID, 'Can you call me back?');
      await panel.getByRole('list', { name: 'Conversations' }).getByText('Can you call me back?').click();
      await panel.getByRole('log', { name: 'Messages' }).getByText('Can you call me back?').waitFor();

      await server.stop();
      const composer = panel.getByRole('textbox', { name: 'Message' });
      for (const reply of replies) {
        await composer.fill(reply);
        await composer.press('Enter');
        await expect.poll(() => composer.inputValue()).toBe('');
      }
      await panel.getByRole('log', { name: 'Messages' }).getByText(replies.at(-1)!).waitFor();
      await before.close();

      await server.start();
      // The browser starts again: the background resumes the stored session and sends the outbox.
      const after = await launchWithExtension({ profile });
      try {
        await expect.poll(async () => (await textsReceivedBy(server.url, customer)).map((m) => m.body), { timeout: 60_000, interval: 500 }).toEqual(replies);
        const reopened = await openPanel(after);
        await reopened.getByRole('list', { name: 'Conversations' }).getByText(replies.at(-1)!).click();
        const thread = reopened.getByRole('log', { name: 'Messages' });
        await expect.poll(() => thread.locator('.bubble--delivered').count(), { timeout: 15_000 }).toBe(3);
        for (const reply of replies) expect(await thread.getByText(reply, { exact: true }).count()).toBe(1);
        await reopened.screenshot({ path: resolve(ARTIFACTS, 'outbox-after-browser-restart.png') });
      } finally {
        await after.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
