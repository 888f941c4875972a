import { browser } from 'wxt/browser';

/** Chrome: the toolbar button opens the side panel. Firefox has no sidePanel (it uses sidebar_action). */
export async function openSidePanelOnActionClick(): Promise<void> {
  const sidePanel = (browser as { sidePanel?: { setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
}
