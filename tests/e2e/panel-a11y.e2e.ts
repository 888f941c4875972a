// Issue 5: axe-core over the real panel (side panel page of the built extension) against the real
// server, in the states an agent works in — queue waiting, a claimed conversation open with its
// thread, composer and header controls, the transfer dialog, "+ New" — in light and dark themes.
// Any serious or critical violation fails the test, with axe's own description of each. And the
// agent's day by keyboard alone: claim, reply, open another conversation, transfer, "+ New".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { seriousViolations } from './harness/axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startPbxServer, type RunningProcess } from './harness/processes.ts';

const QUEUE_DID = '+15035550111';
const DIRECT_DID = '+15035550100';

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user moves; fails past `limit` presses. */
async function tabTo(panel: Page, target: Locator, { back = false, limit = 60 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await panel.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${target} in ${limit} presses`);
}

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

describe('panel accessibility (axe-core)', () => {
  let server: RunningProcess;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startPbxServer('pglite');
    browser = await launchWithExtension();
    await signIn(browser, server.url, '201', 'parley-201');
    await customerTexts(server.url, '+15035550142', DIRECT_DID, 'Is my refund through?');
    await customerTexts(server.url, '+15035550183', QUEUE_DID, 'Waiting for someone to help');
    await customerTexts(server.url, '+15035550184', QUEUE_DID, 'Can I change my delivery address?');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the working states (${colorScheme} theme)`, async () => {
      const panel = await openPanel(browser);
      await panel.emulateMedia({ colorScheme });
      const queue = panel.getByRole('region', { name: /SMS queue/ });

      // The sidebar with the queue section and the agent's own conversation.
      await queue.getByRole('listitem').filter({ hasText: 'Waiting for someone to help' }).waitFor();
      await panel.getByRole('list', { name: 'Conversations' }).getByText('Is my refund through?').waitFor();
      expect(await seriousViolations(panel)).toEqual([]);

      // A claimed queue conversation open: thread, header controls, composer.
      const toClaim = colorScheme === 'light' ? 'Can I change my delivery address?' : 'Waiting for someone to help';
      await queue.getByRole('listitem').filter({ hasText: toClaim }).getByRole('button', { name: 'Claim' }).click();
      await panel.getByRole('log', { name: 'Messages' }).getByText(/Conversation claimed by Jake Peralta/).waitFor();
      await panel.getByRole('textbox', { name: 'Message' }).or(panel.getByRole('combobox', { name: 'Message' })).fill('Of course — what is the new address?');
      expect(await seriousViolations(panel)).toEqual([]);

      // The transfer dialog.
      await panel.getByRole('group', { name: 'Conversation actions' }).getByRole('button', { name: 'Transfer' }).click();
      const dialog = panel.getByRole('dialog', { name: 'Transfer conversation' });
      await dialog.getByRole('radio', { name: 'Amy Santiago (202)' }).waitFor();
      expect(await seriousViolations(panel)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // "+ New".
      await panel.getByRole('button', { name: '+ New' }).click();
      await panel.getByRole('dialog').waitFor();
      expect(await seriousViolations(panel)).toEqual([]);
      await panel.close();
    });
  }

  it('works by keyboard alone: claim, reply, open another conversation, transfer, "+ New"', async () => {
    await customerTexts(server.url, '+15035550185', QUEUE_DID, 'Keyboard only, please');
    const panel = await openPanel(browser);
    const queue = panel.getByRole('region', { name: /SMS queue/ });
    const thread = panel.getByRole('log', { name: 'Messages' });
    const messageBox = panel.getByRole('textbox', { name: 'Message' }).or(panel.getByRole('combobox', { name: 'Message' }));

    // Claim: the composer takes the focus, the agent's next step being to write.
    await tabTo(panel, queue.getByRole('listitem').filter({ hasText: 'Keyboard only, please' }).getByRole('button', { name: 'Claim' }));
    await panel.keyboard.press('Enter');
    await thread.getByText(/Conversation claimed by Jake Peralta/).waitFor();
    await expect.poll(() => isFocused(messageBox)).toBe(true);

    // Shift+Enter is a new line; Enter sends.
    await panel.keyboard.type('Two lines:');
    await panel.keyboard.press('Shift+Enter');
    await panel.keyboard.type('sent by keyboard');
    expect(await messageBox.inputValue()).toBe('Two lines:\nsent by keyboard');
    await panel.keyboard.press('Enter');
    await expect.poll(() => messageBox.inputValue()).toBe('');
    await thread.getByText(/sent by keyboard/).waitFor();

    // Another conversation from the list, and back.
    const list = panel.getByRole('list', { name: 'Conversations' });
    await tabTo(panel, list.getByRole('button').filter({ hasText: 'Is my refund through?' }), { back: true });
    await panel.keyboard.press('Enter');
    await thread.getByText('Is my refund through?').waitFor();
    await tabTo(panel, list.getByRole('button').filter({ hasText: 'sent by keyboard' }));
    await panel.keyboard.press('Enter');
    await thread.getByText(/Conversation claimed by Jake Peralta/).waitFor();

    // Transfer to Amy through the dialog: into it, pick with the arrow keys, confirm.
    await tabTo(panel, panel.getByRole('group', { name: 'Conversation actions' }).getByRole('button', { name: 'Transfer' }));
    await panel.keyboard.press('Enter');
    const dialog = panel.getByRole('dialog', { name: 'Transfer conversation' });
    const amy = dialog.getByRole('radio', { name: 'Amy Santiago (202)' });
    await amy.waitFor();
    await tabTo(panel, dialog.getByRole('radio').first());
    await panel.keyboard.press('Space');
    for (let presses = 0; presses < 10 && !(await amy.isChecked()); presses++) await panel.keyboard.press('ArrowDown');
    expect(await amy.isChecked()).toBe(true);
    await tabTo(panel, dialog.getByRole('button', { name: 'Transfer' }));
    await panel.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await thread.getByText('Conversation transferred to Amy Santiago (202)').waitFor();

    // "+ New" opens on Enter and Escape closes it, giving the focus back to its button.
    const newButton = panel.getByRole('button', { name: '+ New' });
    await tabTo(panel, newButton, { back: true });
    await panel.keyboard.press('Enter');
    await panel.getByRole('dialog').waitFor();
    await panel.keyboard.press('Escape');
    await panel.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(newButton)).toBe(true);
    await panel.close();
  });
});
