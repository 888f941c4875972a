import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '../i18n';

const css = `
  .dock {
    position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646;
    width: min(420px, 100vw); display: flex; flex-direction: column;
    background: Canvas; color: CanvasText; color-scheme: light dark;
    border-left: 1px solid color-mix(in srgb, CanvasText 18%, transparent);
    box-shadow: -6px 0 24px rgba(0, 0, 0, 0.18);
  }
  .bar { display: flex; justify-content: flex-end; padding: 4px; }
  .close {
    font: 18px/1 system-ui, sans-serif; width: 28px; height: 28px; cursor: pointer;
    border: 0; border-radius: 6px; background: transparent; color: inherit;
  }
  .close:hover { background: color-mix(in srgb, CanvasText 10%, transparent); }
  iframe { flex: 1; width: 100%; border: 0; }
`;

/** What the docked panel opens on: the thread with a number clicked in the page, or a known conversation. */
export type DockTarget = { number: string } | { conversation: string };

export function panelUrl(target: DockTarget): string {
  const params = new URLSearchParams({ ...target, host: 'dock' });
  return `${browser.runtime.getURL('/panel.html')}?${params}`;
}

/**
 * The panel docked at the right of the CRM page, in an extension-origin iframe: the page's scripts
 * cannot read what it shows. Created on first use only, removed on close.
 */
export function createDock(ctx: ContentScriptContext) {
  let ui: ShadowRootContentScriptUi<HTMLIFrameElement> | undefined;

  async function open(target: DockTarget): Promise<void> {
    ui ??= await createShadowRootUi(ctx, {
      name: 'parley-dock',
      mode: 'open',
      position: 'inline',
      anchor: document.body,
      append: 'last',
      css,
      onMount(container) {
        const dock = document.createElement('aside');
        dock.className = 'dock';
        const bar = document.createElement('div');
        bar.className = 'bar';
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'close';
        close.textContent = '×';
        close.setAttribute('aria-label', t('dockClose'));
        close.addEventListener('click', () => {
          ui?.remove();
          ui = undefined;
        });
        const frame = document.createElement('iframe');
        frame.title = t('dockTitle');
        bar.append(close);
        dock.append(bar, frame);
        container.append(dock);
        return frame;
      },
    });
    if (!ui.mounted) ui.mount();
    ui.mounted!.src = panelUrl(target);
  }

  return { open };
}
