import { browser } from 'wxt/browser';
import { requestTab } from '../messaging/client';
import { openPanel } from '../ui/open-panel';
import type { OpenPanels } from './panels';

/**
 * Where a clicked notification shows its conversation: in a panel already open (its tab comes
 * forward); else in the dock of the CRM page the agent is on; else in a newly opened panel.
 */
export async function openConversation(conversationId: string, panels: OpenPanels): Promise<void> {
  if (await panels.show(conversationId)) return;
  if (await showInCrmDock(conversationId)) return;
  await openPanel(conversationId);
}

async function showInCrmDock(conversationId: string): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await requestTab(tab.id, 'bg→crm:open-dock', { conversationId });
    return true;
  } catch {
    // No Parley content script on that page (not a CRM): fine, open the panel instead.
    return false;
  }
}
