import { DEFAULT_DOCK_LAYOUT, dockLayoutsItem, type DockLayout } from './crm-settings';

export const MIN_DOCK_WIDTH = 280;
/** The dock never covers more than this share of the page. */
const MAX_DOCK_SHARE = 0.9;

/** A width the page can live with: at least MIN_DOCK_WIDTH, at most 90% of the viewport. */
export function clampDockWidth(width: number, viewport: number): number {
  const max = Math.max(MIN_DOCK_WIDTH, Math.floor(viewport * MAX_DOCK_SHARE));
  return Math.round(Math.min(max, Math.max(MIN_DOCK_WIDTH, Number.isFinite(width) ? width : DEFAULT_DOCK_LAYOUT.width)));
}

/** The dock's layout remembered for this origin (checked: storage holds whatever was written). */
export async function loadDockLayout(origin: string): Promise<DockLayout> {
  const saved = (await dockLayoutsItem.getValue())[origin];
  return {
    width: typeof saved?.width === 'number' ? saved.width : DEFAULT_DOCK_LAYOUT.width,
    collapsed: saved?.collapsed === true,
  };
}

export async function saveDockLayout(origin: string, layout: DockLayout): Promise<void> {
  const all = await dockLayoutsItem.getValue();
  await dockLayoutsItem.setValue({ ...all, [origin]: layout });
}
