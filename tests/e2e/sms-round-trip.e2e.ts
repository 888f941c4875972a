// The walking skeleton, end to end: a customer texts the DID, the agent sees it in the panel of the
// real extension, replies with Enter, and the customer's phone receives exactly that reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { startDemoCrm, startPbxServer, type Backend, type RunningProcess } from './harness/processes.ts';
import { customerTexts, textsReceivedBy } from './harness/customer.ts';
import { openPanel, signIn } from './harness/agent.ts';

const DID = '+15035550100';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

describe.each<Backend>(['pglite', 'postgres'])('one SMS round trip, server on %s', (backend) => {
  let server: RunningProcess;
  let demo: RunningProcess;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, demo] = await Promise.all([startPbxServer(backend), startDemoCrm()]);
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), demo?.stop()]);
  });

  it('shows the customer text in the panel and delivers the typed reply exactly once', async () => {
    const customer = '+15035550123';
    const reply = `Sorry about that! It ships today (${backend}).`;
    const panel = await openPanel(browser);

    await customerTexts(server.url, customer, DID, 'Hi, my parcel is late');
    await panel.getByRole('list', { name: 'Conversations' }).getByText('Hi, my parcel is late').click();
    const thread = panel.getByRole('log', { name: 'Messages' });
    await thread.getByText('Hi, my parcel is late').waitFor();

    const composer = panel.getByRole('textbox', { name: 'Message' });
    await composer.fill(reply);
    await composer.press('Enter');
    // The composer clears once the reply is safely in the outbox.
    await expect.poll(() => composer.inputValue()).toBe('');

    await expect.poll(async () => (await textsReceivedBy(server.url, customer)).map((m) => m.body), { timeout: 15_000 })
      .toEqual([reply]);
    await thread.getByText(reply).waitFor();
    await panel.screenshot({ path: resolve(ARTIFACTS, `panel-round-trip-${backend}.png`) });

    // The reply must not be sent a second time by any retry path: give them a moment, then recount.
    await panel.waitForTimeout(1500);
    expect((await textsReceivedBy(server.url, customer)).map((m) => m.body)).toEqual([reply]);
    expect(await thread.getByText(reply).count()).toBe(1);
  });

  it('opens the docked panel on the number behind a case page SMS button, history included', async () => {
    const customer = '+15035550142'; // Maria Lopez's mobile on demo case #1001
    await customerTexts(server.url, customer, DID, 'Is my refund through?');

    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/cases/1001`);
    await page.getByRole('button', { name: /^Send SMS to .*555.*0142/ }).click();

    const dock = page.frameLocator('iframe[title="Parley"]');
    await dock.getByRole('log', { name: 'Messages' }).getByText('Is my refund through?').waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, `crm-dock-${backend}.png`) });
  });
});
