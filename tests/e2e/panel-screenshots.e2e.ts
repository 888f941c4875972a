// The agent workspace as an agent sees it, in the real built extension against the real server:
// the sidebar (SMS queue with real waiting customers, conversations of every type with their
// markers), a thread with every message state, and the composer counting a UCS-2 text — light and
// dark, wide (tab) and narrow (side panel). Screenshots go to tests/artifacts/; every picture is
// taken only after asserting what it must show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { bundleBenchPage } from '../bench/bundle-page.ts';
import { startPbxServer, type RunningProcess } from './harness/processes.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const QUEUE_DID = '+15035550111';

describe('panel screenshots', () => {
  let server: RunningProcess;
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const [started, seedScript] = await Promise.all([startPbxServer('pglite'), bundleBenchPage(resolve(import.meta.dirname, 'panel-screenshots.seed.ts'))]);
    server = started;
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
    // Two real customers waiting in the SMS Support Queue, which Jake (201) is logged in to.
    await customerTexts(server.url, '+15035550123', QUEUE_DID, 'Hi, is the Burnside store open on Sunday?');
    await customerTexts(server.url, '+15035550142', QUEUE_DID, 'My card was charged twice for order 4471');

    panel = await openPanel(browser);
    type Session = { session: { agent: { id: string; extension: string; name: string } } };
    const me = await panel.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<unknown> } } } }).chrome.storage.local.get("session")) as Session).session.agent);
    await panel.evaluate(seedScript);
    const selected = await panel.evaluate(`bench.seed(${JSON.stringify({ id: me.id, extension: me.extension, name: me.name })})`);
    await panel.goto(browser.extensionUrl(`panel.html?conversation=${selected}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Whether the thread's newest row is in sight, its bottom above the thread's. */
  const newestInSight = () =>
    panel.getByRole('log', { name: 'Messages' }).evaluate((thread) => {
      const rows = [...thread.querySelectorAll('li')];
      return rows.at(-1)!.getBoundingClientRect().bottom <= thread.getBoundingClientRect().bottom + 1;
    });

  it('shows the queue, the conversation list with its markers, and the thread with every message state', async () => {
    const queue = panel.getByRole('region', { name: /SMS queue/ });
    await expect.poll(() => queue.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    // Maria texted the queue too: the phonebook names her; the other customer shows as a number.
    await queue.getByRole('listitem').filter({ hasText: 'Maria Lopez' }).getByRole('button', { name: 'Claim' }).waitFor();
    await queue.getByRole('listitem').filter({ hasText: '+15035550123' }).getByText('Hi, is the Burnside store open on Sunday?').waitFor();

    const list = panel.getByRole('list', { name: 'Conversations' });
    const row = (name: string) => list.getByRole('button', { name: new RegExp(name) });
    await expect.poll(() => row('Maria Lopez').textContent()).toContain('@You');
    expect(await row('Maria Lopez').getByLabel('Queue conversation: SMS Support Queue').count()).toBe(1);
    expect(await row('Amy Santiago').getByLabel('2 unread').count()).toBe(1);
    expect(await row('Daniel Okafor').textContent()).toContain('@Rosa Diaz');
    expect(await row('Returns team').textContent()).toContain('Group');
    expect(await row('Gina Linetti').textContent()).toMatch(/WhatsApp.*Opted out/);

    const log = panel.getByRole('log', { name: 'Messages' });
    const bubble = (text: string) => log.getByRole('listitem').filter({ hasText: text });
    // Maria also texted the queue for real: her number's whole history is one thread, so that
    // conversation's own "Entered SMS Support Queue" line is in it too.
    await bubble('Entered SMS Support Queue').locator('.pill').first().waitFor();
    await bubble('My card was charged twice for order 4471').waitFor();
    expect(await bubble('Order 4471.').textContent()).toContain('Maria Lopez');
    expect(await bubble('Let me check order 4471').textContent()).toMatch(/Delivered.*✓ Read by Amy Santiago/);
    expect(await bubble('the courier delivers by Thursday').textContent()).toContain('Sent');
    const failed = bubble('track.example.com');
    expect(await failed.textContent()).toContain('Not delivered');
    expect(await failed.textContent()).toContain('Carrier rejected the message (30007: filtered as spam)');
    await failed.getByRole('button', { name: 'Retry' }).waitFor();
    expect(await bubble('what is the new address?').textContent()).toContain('Sending');
    expect(await bubble('change the delivery address').textContent()).toMatch(/min ago/);

    const header = panel.getByRole('group', { name: 'Conversation actions' });
    for (const name of ['Transfer', 'Release', 'Close']) await header.getByRole('button', { name, exact: true }).waitFor();

    // The thread opens at its newest message and keeps it in sight while rows settle and the
    // composer gains its To/From row, and when the panel is made shorter or taller again (window or
    // dock resized: a taller one the browser scrolls back itself, which must not be counted twice).
    await panel.getByRole('combobox', { name: 'From' }).waitFor();
    await expect.poll(newestInSight).toBe(true);
    const size = panel.viewportSize()!;
    await panel.setViewportSize({ width: size.width, height: size.height - 150 });
    await expect.poll(newestInSight).toBe(true);
    await panel.setViewportSize(size);
    await expect.poll(newestInSight).toBe(true);

    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: resolve(ARTIFACTS, 'panel-workspace-light.png') });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: resolve(ARTIFACTS, 'panel-workspace-dark.png') });
  });

  it('counts a UCS-2 text in the composer, naming the character that forced it, with its segments', async () => {
    const composer = panel.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hola María — su pedido 4471 llega el jueves. ¡Gracias por su paciencia! Le escribimos de nuevo con el número de seguimiento.');
    const counter = panel.locator('.counter');
    await expect.poll(() => counter.textContent()).toContain('UCS-2 because of “í”');
    expect(await counter.textContent()).toMatch(/124 characters.*2 segments · 10 left in the last/);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.locator('.chat').screenshot({ path: resolve(ARTIFACTS, `panel-composer-ucs2-${scheme}.png`) });
    }
    await composer.fill('');
  });

  it('shows the templates menu on / and the narrow side-panel layout', async () => {
    const composer = panel.getByRole('textbox', { name: 'Message' });
    await composer.fill('/delay');
    await panel.getByRole('option', { name: /Delivery delay/ }).waitFor();
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.locator('.chat').screenshot({ path: resolve(ARTIFACTS, 'panel-composer-templates-light.png') });
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toContain('Sorry for the delay!');
    await composer.fill('');

    await panel.setViewportSize({ width: 420, height: 860 });
    // Narrower, every row wraps again and the thread is laid out anew: still at its newest message.
    await expect.poll(newestInSight).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.screenshot({ path: resolve(ARTIFACTS, `panel-sidepanel-${scheme}.png`) });
    }
  });
});
