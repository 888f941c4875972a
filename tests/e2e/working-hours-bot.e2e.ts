// Working hours and the out-of-hours bot, end to end (seed 003): the customer texts the business-
// hours support line at 20:00 Pacific and the bot answers; at 09:00 the next working day the same
// customer's text goes to the SMS Support Queue, shows in an agent's panel of the real extension and
// the agent claims it, with last night's exchange as its history. The bot stays in the conversation,
// silent; the thread header lists it and the agent removes it (its line shows in the thread). A
// colleague of the queue following the same conversation in her own browser sees the bot leave her
// header at once, without a reload.
// The server runs with PARLEY_CLOCK=controllable so the test can set its clock (POST /v1/test/clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { startPbxServer, type Backend, type RunningProcess } from './harness/processes.ts';
import { customerTexts, textsReceivedBy } from './harness/customer.ts';
import { openPanel, signIn } from './harness/agent.ts';
import { seriousViolations } from './harness/axe.ts';
import { storedRows } from './harness/service-worker.ts';

// config/demo.json: Mon-Fri 09:00-17:00 America/Los_Angeles -> queue 8000, else the bot below.
const LINE = '+15035550118';
const BOT_REPLY = 'Thanks for texting Parley Support. We are closed right now (Mon-Fri 9 am-5 pm Pacific); an agent will text you back when we open.';
const MONDAY_2000_PACIFIC = '2026-11-24T04:00:00Z';
const TUESDAY_0900_PACIFIC = '2026-11-24T17:00:00Z';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

async function setServerClock(serverUrl: string, now: string): Promise<void> {
  const response = await fetch(`${serverUrl}/v1/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  expect(response.status).toBe(200);
}

describe.each<Backend>(['pglite', 'postgres'])('working hours and the after-hours bot, server on %s', (backend) => {
  let server: RunningProcess;
  let browser: ExtensionBrowser | undefined;
  let colleague: ExtensionBrowser | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startPbxServer(backend, { env: { PARLEY_CLOCK: 'controllable' } });
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), colleague?.close()]);
    await server?.stop();
  });

  it('the bot answers at 20:00; at 09:00 the next text reaches the queue and the agent', async () => {
    const customer = '+15035550176';
    await setServerClock(server.url, MONDAY_2000_PACIFIC);
    await customerTexts(server.url, customer, LINE, 'Hi, is anyone there tonight?');
    await expect.poll(async () => (await textsReceivedBy(server.url, customer)).map((m) => [m.from, m.body]), { timeout: 15_000 }).toEqual([[LINE, BOT_REPLY]]);

    // The agent starts the day after the clock moved: the session's tokens carry the server's time.
    await setServerClock(server.url, TUESDAY_0900_PACIFIC);
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
    const panel = await openPanel(browser);

    await customerTexts(server.url, customer, LINE, 'Good morning, my order 4411 is late');
    // The text waits in the SMS Support Queue; the agent claims it from the panel's queue section.
    const waiting = panel.getByRole('region', { name: /SMS queue/ }).getByRole('listitem').filter({ hasText: 'Good morning, my order 4411 is late' });
    await waiting.getByRole('button', { name: 'Claim' }).click();
    const thread = panel.getByRole('log', { name: 'Messages' });
    await thread.getByText(/Conversation claimed by Jake Peralta/).waitFor();
    await thread.getByText('Good morning, my order 4411 is late').waitFor();
    await panel.getByRole('list', { name: 'Conversations' }).getByText('Good morning, my order 4411 is late').waitFor();
    // One conversation: last night's text and the bot's answer are its history.
    await thread.getByText('Hi, is anyone there tonight?').waitFor();
    await thread.getByText(BOT_REPLY).waitFor();
    await panel.screenshot({ path: resolve(ARTIFACTS, `working-hours-bot-${backend}.png`) });

    // In working hours the bot stays silent: the customer's phone still shows only last night's answer.
    expect((await textsReceivedBy(server.url, customer)).map((m) => m.body)).toEqual([BOT_REPLY]);

    // It is still in the conversation: the thread header lists it, and the agent removes it for good.
    const header = panel.locator('.chat__header');
    const bots = header.getByRole('list', { name: 'Bots' });
    await bots.getByText('Support After Hours').waitFor();
    await header.screenshot({ path: resolve(ARTIFACTS, `thread-header-bot-${backend}.png`) });
    expect(await seriousViolations(panel)).toEqual([]);
    // Amy (queue 8000) follows the same conversation in her own browser: her header lists the bot too.
    colleague = await launchWithExtension();
    await signIn(colleague, server.url, '202', 'parley-202');
    const claimed = (await storedRows<{ id: string; customerNumber: string | null }>(panel, 'conversations')).find((row) => row.customerNumber === customer)!;
    const amyPanel = await openPanel(colleague, `?conversation=${encodeURIComponent(claimed.id)}`);
    const amyBots = amyPanel.locator('.chat__header').getByRole('list', { name: 'Bots' });
    await amyBots.getByText('Support After Hours').waitFor();

    await bots.getByRole('button', { name: 'Remove bot Support After Hours' }).click();
    const confirm = panel.getByRole('dialog', { name: 'Remove the bot Support After Hours?' });
    expect(await seriousViolations(panel)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'detached' });
    await bots.waitFor({ state: 'detached' });
    await thread.getByText('Bot Support After Hours removed by Jake Peralta (201)').waitFor();
    // Amy's panel, never reloaded, drops the bot from its header as the removal's line arrives.
    await amyPanel.getByRole('log', { name: 'Messages' }).getByText('Bot Support After Hours removed by Jake Peralta (201)').waitFor();
    await amyBots.waitFor({ state: 'detached' });
  });
});
