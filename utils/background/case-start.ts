import { browser } from 'wxt/browser';
import type { ParleyDb } from '../db/database';
import { caseHandlers } from './case-handlers';
import { CaseFlow } from './case-pop';
import { keepCrmSiteScripts } from './case-sites';
import { openConversation } from './open-conversation';
import type { OpenPanels } from './panels';

/** The manifest command (`commands`) that shows or collapses the dock on the CRM page. */
export const TOGGLE_DOCK_COMMAND = 'toggle-dock';

/**
 * Wires the CRM case flow into the background: its message handlers, the tab and command
 * listeners, the registered CRM content scripts. Listeners are added synchronously (a waking worker
 * only delivers events to listeners of its first turn).
 */
export function startCaseFlow(database: ParleyDb, panels: OpenPanels) {
  const flow = new CaseFlow(database, { openConversation: (conversationId) => openConversation(conversationId, panels) });
  const warn = (what: string) => (error: unknown) => console.warn(`[parley] ${what}`, error);
  browser.tabs.onRemoved.addListener((tabId) => void flow.onTabRemoved(tabId).catch(warn('could not end the case link')));
  browser.commands?.onCommand.addListener((command) => {
    if (command === TOGGLE_DOCK_COMMAND) void flow.toggleDock().catch(warn('could not toggle the dock'));
  });
  keepCrmSiteScripts();
  return { flow, handlers: caseHandlers(flow) };
}
