// Issue 5, seeds 000/002: an SMS queue worked by two agents, each in their own browser with the
// real extension, against the real server. Both see the waiting customer; Jake claims and Amy sees
// it leave her queue with a notice; Jake transfers to Amy, who is notified, becomes designated, replies (the
// customer's phone receives it) and closes; the customer's next text waits in the queue again as a
// new conversation, which Jake claims and transfers to the Sales ring group: Amy, whom it designates,
// is notified. Everything is done through the panel's own controls, by their accessible names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts, textsReceivedBy } from './harness/customer.ts';
import { startPbxServer, type Backend, type RunningProcess } from './harness/processes.ts';
import { notificationIds, storedRows } from './harness/service-worker.ts';

/** The demo's "SMS Support Queue" line (queue 8000: Jake 201, Amy 202, Wyatt 211). */
const QUEUE_DID = '+15035550111';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

type Row = { id: string; customerNumber: string | null; state?: string; designatedAgent?: { extension: string } | null };

const queueSection = (panel: Page) => panel.getByRole('region', { name: /SMS queue/ });
const waitingItem = (panel: Page, text: string) => queueSection(panel).getByRole('listitem').filter({ hasText: text });
const sidebarItem = (panel: Page, text: string) => panel.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: text });
const actions = (panel: Page) => panel.getByRole('group', { name: 'Conversation actions' });
/** The message box: a textbox, or a combobox while it offers `/` templates (ARIA 1.2 pattern). */
const messageBox = (panel: Page) => panel.getByRole('textbox', { name: 'Message' }).or(panel.getByRole('combobox', { name: 'Message' }));

describe.each<Backend>(['pglite', 'postgres'])('two agents share an SMS queue, server on %s', (backend) => {
  let server: RunningProcess;
  let jake: ExtensionBrowser;
  let amy: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startPbxServer(backend);
    [jake, amy] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await Promise.all([signIn(jake, server.url, '201', 'parley-201'), signIn(amy, server.url, '202', 'parley-202')]);
  });

  afterAll(async () => {
    await Promise.all([jake?.close(), amy?.close()]);
    await server?.stop();
  });

  it('claim, transfer, reply, close, and the next text queues a new conversation', async () => {
    // A number of its own per backend run: the simulator keeps each customer's thread.
    const customer = backend === 'pglite' ? '+15035550181' : '+15035550182';
    const [jakePanel, amyPanel] = await Promise.all([openPanel(jake), openPanel(amy)]);

    await customerTexts(server.url, customer, QUEUE_DID, 'Hi, my order #4417 never arrived');
    // Both members see the waiting customer, with Claim.
    for (const panel of [jakePanel, amyPanel]) {
      await waitingItem(panel, 'my order #4417 never arrived').getByRole('button', { name: 'Claim' }).waitFor();
    }
    await jakePanel.screenshot({ path: resolve(ARTIFACTS, `queue-waiting-${backend}.png`) });
    // The queue alerts one of them (longest idle, a tie going to its first member: Jake): only he is notified.
    const chatRequests = async (panel: Page) => (await notificationIds(panel)).filter((id) => id.startsWith('parley-conversation:'));
    await expect.poll(() => chatRequests(jakePanel), { timeout: 15_000 }).toHaveLength(1);

    // Jake claims: it leaves both queues; Amy is told who took it.
    await waitingItem(jakePanel, 'my order #4417').getByRole('button', { name: 'Claim' }).click();
    await waitingItem(jakePanel, 'my order #4417').waitFor({ state: 'detached' });
    await waitingItem(amyPanel, 'my order #4417').waitFor({ state: 'detached' });
    await queueSection(amyPanel).getByRole('status').filter({ hasText: 'Claimed by Jake Peralta (201)' }).waitFor();
    await sidebarItem(jakePanel, 'my order #4417').waitFor();
    expect(await sidebarItem(amyPanel, 'my order #4417').count()).toBe(0);
    // Amy's browser has stored the claim, after the text: the text told her nothing.
    expect(await chatRequests(amyPanel)).toEqual([]);
    await amyPanel.screenshot({ path: resolve(ARTIFACTS, `queue-claimed-elsewhere-${backend}.png`) });

    // Jake (designated) transfers to Amy through the dialog.
    await jakePanel.getByRole('log', { name: 'Messages' }).getByText('Conversation claimed by Jake Peralta (201)').waitFor();
    const claimed = (await storedRows<Row>(jakePanel, 'conversations')).find((row) => row.customerNumber === customer)!;
    await actions(jakePanel).getByRole('button', { name: 'Transfer' }).click();
    const dialog = jakePanel.getByRole('dialog', { name: 'Transfer conversation' });
    await dialog.getByRole('radio', { name: 'Amy Santiago (202)' }).check();
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'detached' });
    // No longer Jake's: it leaves his list.
    await sidebarItem(jakePanel, 'my order #4417').waitFor({ state: 'detached' });
    // Amy's browser tells her ("Conversation transferred to you"); Jake, who transferred, is not told.
    await expect.poll(() => notificationIds(amyPanel), { timeout: 15_000 }).toContain(`parley-transfer:${claimed.id}`);
    expect((await notificationIds(jakePanel)).filter((id) => id.startsWith('parley-transfer:'))).toEqual([]);

    // Amy is now the designated agent: the conversation is in her list; she opens it and replies.
    await sidebarItem(amyPanel, 'my order #4417').click();
    const amyThread = amyPanel.getByRole('log', { name: 'Messages' });
    await amyThread.getByText('Conversation transferred to Amy Santiago (202)').waitFor();
    const composer = messageBox(amyPanel);
    await expect.poll(() => composer.isEnabled()).toBe(true);
    const reply = `So sorry! A replacement ships today (${backend}).`;
    await composer.fill(reply);
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('');
    await expect.poll(async () => (await textsReceivedBy(server.url, customer)).filter((m) => m.direction === 'to-customer').map((m) => m.body), { timeout: 15_000 })
      .toEqual([reply]);
    await amyThread.getByText(reply).waitFor();
    const rowsBefore = await storedRows<Row>(amyPanel, 'conversations');
    const handled = rowsBefore.find((row) => row.customerNumber === customer);
    expect(handled).toMatchObject({ state: 'assigned', designatedAgent: { extension: '202' } });

    // Amy closes it.
    await actions(amyPanel).getByRole('button', { name: 'Close' }).click();
    await amyThread.getByText(/Conversation closed by Amy Santiago/).waitFor();
    await expect.poll(() => composer.isDisabled()).toBe(true);
    await amyPanel.screenshot({ path: resolve(ARTIFACTS, `queue-closed-${backend}.png`) });

    // The customer's next text is a new conversation, waiting in the queue for both agents.
    await customerTexts(server.url, customer, QUEUE_DID, 'One more question about #4417');
    for (const panel of [jakePanel, amyPanel]) {
      await waitingItem(panel, 'One more question about #4417').getByRole('button', { name: 'Claim' }).waitFor();
    }
    await expect
      .poll(async () => {
        const rows = (await storedRows<Row>(amyPanel, 'conversations')).filter((row) => row.customerNumber === customer);
        return rows.map((row) => [row.id === handled!.id ? 'first' : 'new', row.state]).sort();
      })
      .toEqual([
        ['first', 'closed'],
        ['new', 'waiting'],
      ]);

    // Jake claims the new one and transfers it to the Sales ring group (202, 203, 204, round robin),
    // which designates Amy: she is told as for a transfer to her; Jake, who transferred, is not.
    await waitingItem(jakePanel, 'One more question about #4417').getByRole('button', { name: 'Claim' }).click();
    await jakePanel.getByRole('log', { name: 'Messages' }).getByText('Conversation claimed by Jake Peralta (201)').waitFor();
    const second = (await storedRows<Row>(jakePanel, 'conversations')).find((row) => row.customerNumber === customer && row.id !== handled!.id)!;
    await actions(jakePanel).getByRole('button', { name: 'Transfer' }).click();
    const toGroup = jakePanel.getByRole('dialog', { name: 'Transfer conversation' });
    await toGroup.getByRole('radio', { name: 'Sales' }).check();
    // The queue it is in is no target: the PBX would refuse it.
    expect(await toGroup.getByRole('radio', { name: 'SMS Support Queue' }).count()).toBe(0);
    await toGroup.getByRole('radio', { name: 'Billing Queue' }).waitFor();
    await toGroup.getByRole('button', { name: 'Transfer' }).click();
    await toGroup.waitFor({ state: 'detached' });
    await expect.poll(() => notificationIds(amyPanel), { timeout: 15_000 }).toContain(`parley-transfer:${second.id}`);
    await sidebarItem(amyPanel, 'One more question about #4417').waitFor();
    await expect
      .poll(async () => (await storedRows<Row>(amyPanel, 'conversations')).find((row) => row.id === second.id)?.designatedAgent?.extension)
      .toBe('202');
    expect((await notificationIds(jakePanel)).filter((id) => id.startsWith('parley-transfer:'))).toEqual([]);
  });
});
