// Issue 5: axe-core over the real panel (side panel page of the built extension) against the real
// server, in the states an agent works in — queue waiting, a claimed conversation open with its
// thread, composer and header controls, the transfer dialog, "+ New" — in light and dark themes.
// Any serious or critical violation fails the test, with axe's own description of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, signIn } from './harness/agent.ts';
import { seriousViolations } from './harness/axe.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';
import { customerTexts } from './harness/customer.ts';
import { startPbxServer, type RunningProcess } from './harness/processes.ts';

const QUEUE_DID = '+15035550111';
const DIRECT_DID = '+15035550100';

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
});
