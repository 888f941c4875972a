// Click-to-SMS on the demo CRM in real Chromium: the SMS button beside a case's phone field opens
// that number's conversation, history included, in the dock; "Log to case" writes the transcript
// into the case's note field once (a second click adds nothing); the dock's width and collapsed
// state are remembered for the site; the options page adds and removes a CRM site, which registers
// and unregisters the content script for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startDemoCrm, startPbxServer, type RunningProcess } from './harness/processes.ts';

const DID = '+15035550100';
const MARIA = '+15035550142'; // case 1001: Mobile (503) 555-0142, Home +1 503 555 0177
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

describe('click-to-SMS, Log to case, the dock and CRM sites (demo CRM)', () => {
  let server: RunningProcess;
  let demo: RunningProcess;
  let browser: ExtensionBrowser;
  let worker: Worker;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, demo] = await Promise.all([startPbxServer('pglite'), startDemoCrm()]);
    browser = await launchWithExtension();
    worker = await browser.serviceWorker();
    worker.on('console', (message) => {
      if (message.type() !== 'log') console.log(`[service worker] ${message.text()}`);
    });
    await signIn(browser, server.url, '201', 'parley-201');
    const panel = await openPanel(browser);
    await panel.getByRole('status').filter({ hasText: 'Online' }).waitFor();
    // Maria wrote before: that history must be in the thread the SMS button opens.
    await customerTexts(server.url, MARIA, DID, 'Where is my parcel?');
    await panel.getByRole('list', { name: 'Conversations' }).getByText('Where is my parcel?').waitFor({ timeout: 20_000 });
    await panel.close();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), demo?.stop()]);
  });

  const dock = (page: Page) => page.frameLocator('iframe[title="Parley"]');

  it('the SMS button beside a case phone field opens that number with its history, and Log to case writes it once', async () => {
    const crm = await browser.context.newPage();
    await crm.goto(`${demo.url}/cases/1001`);
    // One button per number shown: two phone fields, nothing for order numbers, dates or amounts.
    await expect.poll(() => crm.getByRole('button', { name: /^Send SMS to/ }).count(), { timeout: 20_000 }).toBe(2);
    await crm.getByRole('button', { name: 'Send SMS to (503) 555-0142' }).click();
    await dock(crm).getByRole('heading', { name: /\+15035550142/ }).waitFor({ timeout: 20_000 });
    await dock(crm).getByRole('log', { name: 'Messages' }).getByText('Where is my parcel?').waitFor();
    await crm.screenshot({ path: resolve(ARTIFACTS, 'crm-click-to-sms.png') });

    const note = crm.getByLabel('Add a note');
    await crm.getByRole('button', { name: 'Log to case' }).click();
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toMatch(/Customer \+15035550142: Where is my parcel\?$/);
    const logged = await note.inputValue();
    expect(logged.split('\n')).toHaveLength(1);
    // The same messages are never logged twice.
    await crm.getByRole('button', { name: 'Log to case' }).click();
    await crm.waitForTimeout(500);
    expect(await note.inputValue()).toBe(logged);
    // A new message is logged on its own next time.
    await customerTexts(server.url, MARIA, DID, 'It was due Monday');
    await dock(crm).getByRole('log', { name: 'Messages' }).getByText('It was due Monday').waitFor({ timeout: 20_000 });
    await crm.getByRole('button', { name: 'Log to case' }).click();
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toMatch(/Where is my parcel\?\n\n.*Customer \+15035550142: It was due Monday$/);
    await crm.getByRole('button', { name: 'Add note' }).click();
    await crm.getByRole('listitem').filter({ hasText: 'It was due Monday' }).waitFor();
  });

  it('the dock collapses and resizes, and the site remembers both', async () => {
    const crm = await browser.context.newPage();
    await crm.goto(`${demo.url}/cases/1002`);
    await crm.getByRole('button', { name: /^Send SMS to/ }).first().click({ timeout: 20_000 });
    const aside = crm.locator('parley-dock').locator('aside');
    await dock(crm).getByRole('heading', { name: /\+442079460958/ }).waitFor({ timeout: 20_000 });

    const handle = crm.getByRole('separator', { name: 'Resize Parley' });
    const box = (await handle.boundingBox())!;
    await crm.mouse.move(box.x + box.width / 2, box.y + 200);
    await crm.mouse.down();
    await crm.mouse.move(1280 - 600, box.y + 200, { steps: 5 });
    await crm.mouse.up();
    await expect.poll(async () => Math.round((await aside.boundingBox())!.width)).toBe(600);
    await crm.getByRole('button', { name: 'Collapse Parley' }).click();
    await expect.poll(async () => Math.round((await aside.boundingBox())!.width)).toBe(40);
    await crm.screenshot({ path: resolve(ARTIFACTS, 'crm-dock-collapsed.png') });

    await crm.reload();
    await crm.getByRole('button', { name: /^Send SMS to/ }).first().click({ timeout: 20_000 });
    // Opening on a conversation expands it again, at the remembered width.
    await expect.poll(async () => Math.round((await crm.locator('parley-dock').locator('aside').boundingBox())!.width), { timeout: 15_000 }).toBe(600);
  });

  it('options: adding a CRM site registers the content script for it, removing it unregisters it', async () => {
    // The browser's permission prompt cannot be answered headless, so the site added here is one
    // the manifest already grants (the demo CRM's own origin): permissions.request() resolves at
    // once, and everything after it (the stored list, the registration by the background) is real.
    const origin = new URL(demo.url).origin;
    const registered = () =>
      worker.evaluate(async () =>
        ((await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches: string[] }>> } } }).chrome.scripting.getRegisteredContentScripts())),
      );
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('CRM address').fill('not a web address');
    await options.getByRole('button', { name: 'Add CRM site' }).click();
    await options.getByRole('alert').filter({ hasText: 'Enter a web address' }).waitFor();

    await options.getByLabel('CRM address').fill(`${demo.url}/cases/1001`);
    await options.getByRole('button', { name: 'Add CRM site' }).click();
    await options.getByRole('list', { name: 'Enabled CRM sites' }).getByText(origin).waitFor();
    await expect.poll(registered, { timeout: 15_000 }).toEqual([expect.objectContaining({ id: `parley-crm:${origin}`, matches: [`${origin}/*`] })]);
    await options.screenshot({ path: resolve(ARTIFACTS, 'options-crm-sites.png'), fullPage: true });

    await options.getByRole('button', { name: `Remove ${origin}` }).click();
    await expect.poll(registered, { timeout: 15_000 }).toEqual([]);
  });
});
