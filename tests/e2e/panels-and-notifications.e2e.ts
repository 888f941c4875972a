// One background session serves every tab: two open panels update together, and a customer's text
// raises a notification ("SMS Chat Request"), the unread count on the toolbar badge and in the
// panel's tab title, which clear when the agent opens the conversation. The agent's own templates,
// written on the options page, are offered by the composer's `/` search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startDemoCrm, startPbxServer, type RunningProcess } from './harness/processes.ts';
import { seriousViolations } from './harness/axe.ts';
import { badge, notificationIds, offscreenDocumentOpen, storedRows } from './harness/service-worker.ts';

const DID = '+15035550100';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

describe('several panels, notifications and the badge', () => {
  let server: RunningProcess;
  let demo: RunningProcess;
  let browser: ExtensionBrowser;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, demo] = await Promise.all([startPbxServer('pglite'), startDemoCrm()]);
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
    first = await openPanel(browser);
    second = await openPanel(browser);
    await first.getByRole('status').filter({ hasText: 'Online' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), demo?.stop()]);
  });

  it('updates every open panel live', async () => {
    const customer = '+15035550181';
    await customerTexts(server.url, customer, DID, 'Is anyone there?');
    for (const panel of [first, second]) {
      await panel.getByRole('list', { name: 'Conversations' }).getByText('Is anyone there?').click();
      await panel.getByRole('log', { name: 'Messages' }).getByText('Is anyone there?').waitFor();
    }
    // A reply typed in one panel appears in the other, and so does the customer's answer.
    const composer = first.getByRole('textbox', { name: 'Message' });
    await composer.fill('Yes, how can I help?');
    await composer.press('Enter');
    await second.getByRole('log', { name: 'Messages' }).getByText('Yes, how can I help?').waitFor();
    await customerTexts(server.url, customer, DID, 'My parcel is missing');
    for (const panel of [first, second]) await panel.getByRole('log', { name: 'Messages' }).getByText('My parcel is missing').waitFor();
    await second.screenshot({ path: resolve(ARTIFACTS, 'two-panels-second.png') });
  });

  it('raises a notification, the alert tone and the unread count for a new conversation', async () => {
    const customer = '+15035550182';
    await customerTexts(server.url, customer, DID, 'Hello, I need help with an invoice');
    const conversation = async () =>
      (await storedRows<{ id: string; customerNumber: string | null }>(first, 'conversations')).find((row) => row.customerNumber === customer);
    await expect.poll(async () => (await conversation())?.id, { timeout: 15_000 }).toBeTruthy();
    const { id } = (await conversation())!;

    await expect.poll(() => notificationIds(first), { timeout: 15_000 }).toContain(`parley-conversation:${id}`);
    await expect.poll(() => badge(first), { timeout: 15_000 }).toEqual({ text: '1', title: 'Parley — online · 1 unread' });
    expect(await offscreenDocumentOpen(first)).toBe(true);
    for (const panel of [first, second]) await expect.poll(() => panel.title()).toBe('(1) Parley');
    await first.getByRole('list', { name: 'Conversations' }).getByLabel('1 unread').waitFor();
    await first.screenshot({ path: resolve(ARTIFACTS, 'unread-in-panel.png') });
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 300, height: 220 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByText('1 unread').waitFor();
    await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-unread.png') });
    await popup.close();

    // The agent opens it: read everywhere.
    await first.bringToFront();
    await first.getByRole('list', { name: 'Conversations' }).getByText('Hello, I need help with an invoice').click();
    await expect.poll(() => badge(first), { timeout: 15_000 }).toEqual({ text: '', title: 'Parley — online' });
    for (const panel of [first, second]) await expect.poll(() => panel.title()).toBe('Parley');
  });

  it('shows a conversation in the dock of the CRM page the agent is on (the path of a notification click)', async () => {
    const [conversation] = await storedRows<{ id: string; customerNumber: string | null }>(first, 'conversations');
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/cases/1001`);
    await page.getByRole('button', { name: /^Send SMS to/ }).first().waitFor();
    // What openConversation() sends when no panel is open: the content script's router checks the
    // sender is this extension's background and docks the panel on that conversation.
    const worker = await browser.serviceWorker();
    const reply = await worker.evaluate(async (conversationId) => {
      const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.sendMessage(tab!.id, { name: 'bg→crm:open-dock', payload: { conversationId } });
    }, conversation!.id);
    expect(reply).toEqual({ ok: true, value: {} });
    const dock = page.frameLocator('iframe[title="Parley"]');
    await dock.getByRole('heading', { name: new RegExp(conversation!.customerNumber!.replace('+', '\\+')) }).waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'crm-dock-from-background.png') });
  });

  it('shows the agent\'s preferences on the options page and plays the alert tone', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('status').filter({ hasText: /Connected as Jake Peralta \(201\)/ }).waitFor();
    await options.getByLabel('Notify me of new conversations (SMS Chat Request)').waitFor();
    await options.screenshot({ path: resolve(ARTIFACTS, 'options-preferences.png'), fullPage: true });
    // "Play the tone" goes through the background to the offscreen document; the answer is ok only
    // once the audio element there has started playing the packaged tone.
    const reply = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
        name: 'options→bg:play-tone',
        payload: { volume: 0.5 },
      }),
    );
    expect(reply).toEqual({ ok: true, value: {} });
  });

  it('keeps the agent\'s own templates, written on the options page by keyboard, and offers them with / in the composer', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const templates = options.getByRole('region', { name: 'My templates' });
    const name = templates.getByLabel('Name', { exact: true });
    // Saving without a name or text names what is missing, at the fields.
    await templates.getByRole('button', { name: 'Add template' }).click();
    await templates.getByText('Give the template a name.').waitFor();
    await templates.getByText('Write the text of the template.').waitFor();
    await expect.poll(() => name.evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
    await options.keyboard.type('Parcel delay');
    await options.keyboard.press('Tab');
    await options.keyboard.type('Sorry for the delay! Your parcel ships today.');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    await templates.getByRole('status').filter({ hasText: 'Template Parcel delay saved.' }).waitFor();
    await templates.getByRole('list', { name: 'Your templates' }).getByText('Parcel delay').waitFor();
    await templates.screenshot({ path: resolve(ARTIFACTS, 'options-templates.png') });
    await templates.getByRole('button', { name: 'Delete Parcel delay' }).click();
    const confirm = options.getByRole('dialog', { name: 'Delete the template Parcel delay?' });
    expect(await seriousViolations(options)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });

    await first.bringToFront();
    await first.getByRole('list', { name: 'Conversations' }).getByText('My parcel is missing').click();
    const composer = first.getByRole('textbox', { name: 'Message' }).or(first.getByRole('combobox', { name: 'Message' }));
    await composer.fill('/parcel');
    const option = first.getByRole('listbox', { name: 'Templates' }).getByRole('option').filter({ hasText: 'Parcel delay' });
    await expect.poll(() => option.textContent()).toContain('Personal');
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('Sorry for the delay! Your parcel ships today.');
    await composer.fill('');
  });
});
