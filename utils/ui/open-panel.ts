import { browser } from 'wxt/browser';
import { panelRequestItem } from '../settings';

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * Opens the workspace where the browser docks it (Chrome's side panel, Firefox's sidebar), or as a
 * tab where neither exists or docking is refused. Both docking APIs require a user gesture (a click
 * in the popup, on a notification). With a conversation, the docked panel finds it in
 * panelRequestItem when it connects; a tab gets it in its URL.
 */
export async function openPanel(conversationId?: string): Promise<void> {
  const api = browser as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  if (conversationId) await panelRequestItem.setValue({ conversationId });
  try {
    if (api.sidePanel) {
      const window = await browser.windows.getLastFocused();
      if (window.id !== undefined) return await api.sidePanel.open({ windowId: window.id });
    }
    if (api.sidebarAction) return await api.sidebarAction.open();
  } catch (error) {
    console.warn('[parley] could not dock the panel, opening a tab', error);
  }
  if (conversationId) await panelRequestItem.setValue(null);
  const query = conversationId ? `?${new URLSearchParams({ conversation: conversationId })}` : '';
  await browser.tabs.create({ url: `${browser.runtime.getURL('/panel.html')}${query}` });
}
