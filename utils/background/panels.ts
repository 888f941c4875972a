import { browser, type Browser } from 'wxt/browser';
import { PanelViewSchema, PRESENCE_PORT_NAME, type PanelView, type ShowConversation } from '../messaging/presence-port';
import { acceptExtensionPorts } from './extension-ports';

export type PresencePort = Pick<Browser.runtime.Port, 'postMessage' | 'onMessage' | 'onDisconnect' | 'disconnect'> & {
  sender?: Browser.runtime.MessageSender;
};

interface OpenPanel {
  port: PresencePort;
  view: Omit<PanelView, 'op'>;
  /** When it last became visible; the most recent one is where a notification click goes. */
  seenAt: number;
}

/**
 * The panels open right now, as the background sees them through their presence ports. Lives in
 * memory: when the service worker restarts, every panel reconnects and reports again.
 */
export class OpenPanels {
  private panels = new Set<OpenPanel>();
  private connectedListeners = new Set<(panel: { show(conversationId: string): void }) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Accepts presence ports from this extension's own pages only. */
  serve(): void {
    acceptExtensionPorts(PRESENCE_PORT_NAME, (port) => this.attach(port));
  }

  attach(port: PresencePort): void {
    const panel: OpenPanel = { port, view: { conversationId: null, visible: false }, seenAt: 0 };
    this.panels.add(panel);
    port.onMessage.addListener((message: unknown) => {
      const view = PanelViewSchema.safeParse(message);
      if (!view.success) {
        console.warn('[parley] rejected a malformed presence message', view.error.message);
        return;
      }
      if (view.data.visible && !panel.view.visible) panel.seenAt = this.now();
      panel.view = { conversationId: view.data.conversationId, visible: view.data.visible };
    });
    port.onDisconnect.addListener(() => this.panels.delete(panel));
    for (const listener of this.connectedListeners) listener({ show: (conversationId) => post(port, conversationId) });
  }

  /** Calls `listener` for every panel that connects from now on. */
  onConnected(listener: (panel: { show(conversationId: string): void }) => void): void {
    this.connectedListeners.add(listener);
  }

  /** Whether the agent is looking at this conversation in a visible panel right now. */
  isShowing(conversationId: string): boolean {
    return [...this.panels].some((panel) => panel.view.visible && panel.view.conversationId === conversationId);
  }

  /**
   * Shows the conversation in the open panel the agent saw last, bringing its tab forward.
   * False when no panel is open.
   */
  async show(conversationId: string): Promise<boolean> {
    const panel = [...this.panels].sort((a, b) => Number(b.view.visible) - Number(a.view.visible) || b.seenAt - a.seenAt)[0];
    if (!panel) return false;
    post(panel.port, conversationId);
    const tab = panel.port.sender?.tab;
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true }).catch(() => undefined);
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    }
    return true;
  }
}

function post(port: PresencePort, conversationId: string): void {
  const command: ShowConversation = { op: 'show', conversationId };
  port.postMessage(command);
}
