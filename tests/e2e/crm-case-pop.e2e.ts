// Seed 004 on the demo CRM, in real Chromium with the built extension and the real server: a
// customer's text shows "SMS Chat Request" (Call ID SMS+number) in the CRM tab; Answer pops the
// case by the three paths (a case open in a tab, a recent case to continue, a new case with the
// phone filled in); the link is stored and sent to the server; closing the case tab ends it and the
// customer's next text offers "Continue case #…" or "Create new case".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startDemoCrm, startPbxServer, type RunningProcess } from './harness/processes.ts';
import { storedRows } from './harness/service-worker.ts';

const DID = '+15035550100';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

interface StoredLink {
  conversationId: string;
  customerNumber: string;
  caseId: string;
  caseUrl: string;
  endedAt: number | null;
}

describe('case pop on answer (demo CRM)', () => {
  let server: RunningProcess;
  let demo: RunningProcess;
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, demo] = await Promise.all([startPbxServer('pglite'), startDemoCrm()]);
    browser = await launchWithExtension();
    // The background's warnings, in the test output when something fails.
    (await browser.serviceWorker()).on('console', (message) => {
      if (message.type() !== 'log') console.log(`[service worker] ${message.text()}`);
    });
    await signIn(browser, server.url, '201', 'parley-201');
    extensionPage = await openPanel(browser);
    await extensionPage.getByRole('status').filter({ hasText: 'Online' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), demo?.stop()]);
  });

  const links = () => storedRows<StoredLink>(extensionPage, 'caseLinks');
  const openLinkFor = async (number: string) => (await links()).find((link) => link.customerNumber === number && link.endedAt === null);
  const chatRequest = (page: Page) => page.getByRole('dialog', { name: 'SMS Chat Request' });
  const dockHeading = (page: Page, number: string) =>
    page.frameLocator('iframe[title="Parley"]').getByRole('heading', { name: new RegExp(number.replace('+', '\\+')) });
  const serverLink = async (conversationId: string) => {
    // The agent's own token: read through the panel page, which holds no token; use a fresh login.
    const login = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extension: '201', password: 'parley-201' }),
    }).then((reply) => reply.json() as Promise<{ accessToken: string }>);
    const reply = await fetch(`${server.url}/v1/conversations/${conversationId}/case-link`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    return ((await reply.json()) as { caseLink: { caseId: string; state: string } | null }).caseLink;
  };

  it('no case for the number: Answer opens a new case with the phone and name filled in, and links it once saved', async () => {
    const customer = '+15035550123';
    const crm = await browser.context.newPage();
    await crm.goto(`${demo.url}/`);
    await customerTexts(server.url, customer, DID, 'Hi, my order never arrived');

    const card = chatRequest(crm);
    await card.waitFor({ timeout: 20_000 });
    await card.getByText(`Call ID: SMS${customer}`).waitFor();
    await card.getByText('Hi, my order never arrived').waitFor();
    await crm.screenshot({ path: resolve(ARTIFACTS, 'crm-chat-request.png') });
    await card.getByRole('button', { name: 'Answer' }).click();

    await crm.waitForURL(/\/cases\/new\?/);
    expect(new URL(crm.url()).searchParams.get('phone')).toBe(customer);
    await expect.poll(() => crm.getByLabel('Mobile phone').inputValue()).toBe(customer);
    // The chat shows every message for the number, docked in the CRM tab.
    await dockHeading(crm, customer).waitFor({ timeout: 20_000 });
    await crm.frameLocator('iframe[title="Parley"]').getByRole('log', { name: 'Messages' }).getByText('Hi, my order never arrived').waitFor();

    await crm.getByLabel('Customer').fill('Rosa Diaz');
    await crm.getByRole('button', { name: 'Create case' }).click();
    await crm.waitForURL(/\/cases\/\d+$/);
    const caseId = new URL(crm.url()).pathname.split('/').pop()!;
    await expect.poll(async () => (await openLinkFor(customer))?.caseId, { timeout: 15_000 }).toBe(caseId);
    const link = (await openLinkFor(customer))!;
    await expect.poll(() => serverLink(link.conversationId), { timeout: 15_000 }).toMatchObject({ caseId, state: 'open' });
    await dockHeading(crm, customer).waitFor({ timeout: 20_000 });
    await crm.screenshot({ path: resolve(ARTIFACTS, 'crm-new-case-popped.png') });
  });

  it('a case showing the number is open in another tab: Answer continues there and brings that tab forward', async () => {
    const customer = '+442079460958'; // Daniel Okafor, case 1002
    const caseTab = await browser.context.newPage();
    await caseTab.goto(`${demo.url}/cases/1002`);
    await caseTab.getByRole('button', { name: /^Send SMS to/ }).first().waitFor();
    const listTab = await browser.context.newPage();
    await listTab.goto(`${demo.url}/`);
    await listTab.bringToFront();

    await customerTexts(server.url, customer, DID, 'Any news on my refund?');
    const card = chatRequest(listTab);
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Answer' }).click();

    await expect.poll(() => caseTab.evaluate(() => document.visibilityState), { timeout: 15_000 }).toBe('visible');
    await dockHeading(caseTab, customer).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await openLinkFor(customer))?.caseId, { timeout: 15_000 }).toBe('1002');
    expect(listTab.url()).toBe(`${demo.url}/`);
    await caseTab.screenshot({ path: resolve(ARTIFACTS, 'crm-case-continued-in-tab.png') });
    await listTab.close();
  });

  it('recent cases for the number: the agent picks "Continue case #…", that case opens linked, and the address search runs', async () => {
    const customer = '+15035550142'; // Maria Lopez, cases 1001 (recent) and 1000
    // The configured address search (seed 004): here a page of the demo site, to stay offline.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel(/^Address search when a case pops/).fill(`${demo.url}/?address={address}`);
    await options.getByLabel(/^Address search when a case pops/).press('Tab');
    await options.close();
    const crm = await browser.context.newPage();
    await crm.goto(`${demo.url}/`);
    await customerTexts(server.url, customer, DID, 'Hello again, about my parcel');
    await chatRequest(crm).getByRole('button', { name: 'Answer' }).click({ timeout: 20_000 });

    const offer = chatRequest(crm);
    await offer.getByRole('button', { name: 'Continue case #1001' }).waitFor({ timeout: 20_000 });
    await offer.getByRole('button', { name: 'Continue case #1000' }).waitFor();
    await offer.getByRole('button', { name: 'Create new case' }).waitFor();
    await crm.screenshot({ path: resolve(ARTIFACTS, 'crm-continue-or-new.png') });
    const addressSearch = browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('?address='), timeout: 20_000 });
    await offer.getByRole('button', { name: 'Continue case #1001' }).click();

    await crm.waitForURL(/\/cases\/1001$/);
    await expect.poll(async () => (await openLinkFor(customer))?.caseId, { timeout: 15_000 }).toBe('1001');
    await dockHeading(crm, customer).waitFor({ timeout: 20_000 });
    const searched = await addressSearch;
    expect(new URL(searched.url()).searchParams.get('address')).toBe('12 Harbor Street, Portland, OR 97201');
    await searched.close();
  });

  it('closing the case tab ends the link; the next text offers the most recent case or a new one', async () => {
    const customer = '+15035550123'; // linked to the case created in the first test
    const caseTab = browser.context.pages().find((page) => /\/cases\/\d+$/.test(page.url()) && !page.url().endsWith('/1001') && !page.url().endsWith('/1002'))!;
    const caseId = new URL(caseTab.url()).pathname.split('/').pop()!;
    const { conversationId } = (await openLinkFor(customer))!;
    await caseTab.close();
    await expect.poll(() => openLinkFor(customer), { timeout: 15_000 }).toBeUndefined();
    await expect.poll(() => serverLink(conversationId), { timeout: 15_000 }).toMatchObject({ caseId, state: 'ended' });

    const crm = await browser.context.newPage();
    await crm.goto(`${demo.url}/`);
    await customerTexts(server.url, customer, DID, 'Me again');
    await chatRequest(crm).getByRole('button', { name: 'Answer' }).click({ timeout: 20_000 });
    const offer = chatRequest(crm);
    await offer.getByRole('button', { name: `Continue case #${caseId}` }).waitFor({ timeout: 20_000 });
    await offer.getByRole('button', { name: 'Create new case' }).click();
    await crm.waitForURL(/\/cases\/new\?/);
    await expect.poll(() => crm.getByLabel('Mobile phone').inputValue()).toBe(customer);
  });
});
