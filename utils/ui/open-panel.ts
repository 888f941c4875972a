import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * Opens the workspace where the browser docks it (Chrome's side panel, Firefox's sidebar), or as a
 * tab where neither exists. Must run inside a user gesture (a click): both APIs require one.
 */
export async function openPanel(): Promise<void> {
  const api = browser as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  try {
    if (api.sidePanel) {
      const window = await browser.windows.getCurrent();
      if (window.id !== undefined) return await api.sidePanel.open({ windowId: window.id });
    }
    if (api.sidebarAction) return await api.sidebarAction.open();
  } catch (error) {
    console.warn('[parley] could not dock the panel, opening a tab', error);
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/panel.html') });
}
