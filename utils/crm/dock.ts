import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { DockLayout } from './crm-settings';
import { clampDockWidth, loadDockLayout, saveDockLayout } from './dock-layout';
import { createPageOverlay, type PageOverlay } from './page-overlay';

const COLLAPSED_WIDTH = 40;

const css = `
  .dock {
    position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646;
    display: flex; flex-direction: column; box-sizing: border-box;
    background: Canvas; color: CanvasText; color-scheme: light dark;
    border-left: 1px solid color-mix(in srgb, CanvasText 18%, transparent);
    box-shadow: -6px 0 24px rgba(0, 0, 0, 0.18);
  }
  .handle { position: absolute; top: 0; bottom: 0; left: -4px; width: 8px; cursor: ew-resize; touch-action: none; }
  .handle:hover, .dragging .handle { background: color-mix(in srgb, #2f6f5e 40%, transparent); }
  .dragging iframe { pointer-events: none; }
  .bar { display: flex; justify-content: flex-end; align-items: center; gap: 4px; padding: 4px; }
  .collapsed .bar { flex-direction: column; }
  .collapsed iframe, .collapsed .log, .collapsed .handle { display: none; }
  button {
    font: 600 13px/1 system-ui, sans-serif; min-width: 28px; height: 28px; cursor: pointer; padding: 0 8px;
    border: 0; border-radius: 6px; background: transparent; color: inherit;
  }
  button:hover { background: color-mix(in srgb, CanvasText 10%, transparent); }
  .log { margin-inline-end: auto; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); }
  .log[hidden] { display: none; }
  iframe { flex: 1; width: 100%; border: 0; }
`;

/** What the docked panel opens on: the thread with a number clicked in the page, or a known conversation. */
export type DockTarget = { number: string } | { conversation: string };

export function panelUrl(target: DockTarget): string {
  const params = new URLSearchParams({ ...target, host: 'dock' });
  return `${browser.runtime.getURL('/panel.html')}?${params}`;
}

export interface DockOptions {
  /** "Log to case" in the dock's bar, shown while the page has a note field to write to. */
  logToCase: () => Promise<void>;
  canLogToCase: () => boolean;
}

function button(className: string, label: string, text: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.title = label;
  element.setAttribute('aria-label', label);
  return element;
}

/**
 * The panel docked at the right of the CRM page, in an extension-origin iframe: the page's scripts
 * cannot read what it shows. Created on first use only; resizable by its left edge, collapsible to
 * a strip, its width and state remembered per CRM origin.
 */
export function createDock(options: DockOptions) {
  let ui: PageOverlay<HTMLIFrameElement> | undefined;
  let layout: DockLayout | undefined;
  let aside: HTMLElement | undefined;
  let logButton: HTMLButtonElement | undefined;
  let collapseButton: HTMLButtonElement | undefined;

  const apply = () => {
    if (!aside || !layout || !collapseButton) return;
    aside.classList.toggle('collapsed', layout.collapsed);
    aside.style.width = `${layout.collapsed ? COLLAPSED_WIDTH : clampDockWidth(layout.width, innerWidth)}px`;
    collapseButton.textContent = layout.collapsed ? '‹' : '›';
    const label = t(layout.collapsed ? 'dockExpand' : 'dockCollapse');
    collapseButton.title = label;
    collapseButton.setAttribute('aria-label', label);
    collapseButton.setAttribute('aria-expanded', String(!layout.collapsed));
    if (logButton) logButton.hidden = !options.canLogToCase();
  };

  const change = (next: Partial<DockLayout>) => {
    layout = { ...layout!, ...next };
    apply();
    void saveDockLayout(location.origin, layout).catch((error: unknown) => console.warn('[parley] could not keep the dock layout', error));
  };

  function resizeBy(handle: HTMLElement): void {
    handle.addEventListener('pointerdown', (down) => {
      if (!aside || !layout) return;
      down.preventDefault();
      handle.setPointerCapture(down.pointerId);
      aside.classList.add('dragging');
      const move = (event: PointerEvent) => {
        layout = { ...layout!, width: clampDockWidth(innerWidth - event.clientX, innerWidth) };
        apply();
      };
      const up = () => {
        aside?.classList.remove('dragging');
        handle.removeEventListener('pointermove', move);
        change({});
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up, { once: true });
      handle.addEventListener('pointercancel', up, { once: true });
    });
  }

  async function mount(): Promise<PageOverlay<HTMLIFrameElement>> {
    layout ??= await loadDockLayout(location.origin);
    ui ??= createPageOverlay('parley-dock', css, (container) => {
      aside = document.createElement('aside');
      aside.className = 'dock';
      aside.setAttribute('aria-label', t('dockTitle'));
      const handle = document.createElement('div');
      handle.className = 'handle';
      handle.setAttribute('role', 'separator');
      handle.setAttribute('aria-orientation', 'vertical');
      handle.setAttribute('aria-label', t('dockResize'));
      resizeBy(handle);
      const bar = document.createElement('div');
      bar.className = 'bar';
      logButton = button('log', t('dockLogToCase'), t('dockLogToCase'));
      logButton.addEventListener('click', () => void options.logToCase().catch((error: unknown) => console.warn('[parley] could not log to the case', error)));
      collapseButton = button('collapse', t('dockCollapse'), '›');
      collapseButton.addEventListener('click', () => change({ collapsed: !layout!.collapsed }));
      const close = button('close', t('dockClose'), '×');
      close.addEventListener('click', () => {
        ui?.remove();
        ui = undefined;
      });
      const frame = document.createElement('iframe');
      frame.title = t('dockTitle');
      bar.append(logButton, collapseButton, close);
      aside.append(handle, bar, frame);
      container.append(aside);
      return frame;
    });
    if (!ui.mounted) ui.mount();
    apply();
    return ui;
  }

  /** Shows the dock on a conversation, expanded. */
  async function open(target: DockTarget): Promise<void> {
    const mounted = await mount();
    if (layout?.collapsed) change({ collapsed: false });
    mounted.content.src = panelUrl(target);
  }

  /** The keyboard shortcut: opens the dock (on the inbox) or collapses and expands it. */
  async function toggle(): Promise<void> {
    if (!ui?.mounted) {
      const mounted = await mount();
      mounted.content.src = browser.runtime.getURL('/panel.html?host=dock');
      if (layout?.collapsed) change({ collapsed: false });
      return;
    }
    change({ collapsed: !layout!.collapsed });
  }

  return { open, toggle, refresh: apply };
}
