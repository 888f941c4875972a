import { browser, type Browser } from 'wxt/browser';
import { PRESENCE_PORT_NAME, ShowConversationSchema, type PanelView } from '../messaging/presence-port';

type Port = Pick<Browser.runtime.Port, 'postMessage' | 'onMessage' | 'onDisconnect' | 'disconnect'>;

export interface PresenceOptions {
  onShow: (conversationId: string) => void;
  /** Asked when the port drops: reconnect (which starts a stopped service worker) only while a session should run. */
  shouldReconnect: () => Promise<boolean>;
  connect?: () => Port;
  /** Wait before reconnecting, so a background that cannot start is not hammered. */
  reconnectDelayMs?: number;
}

/**
 * The panel's side of the presence port (utils/messaging/presence-port.ts): reports what it shows,
 * obeys "show this conversation", and reconnects when the background drops it.
 */
export function connectPresence({ onShow, shouldReconnect, connect = () => browser.runtime.connect({ name: PRESENCE_PORT_NAME }), reconnectDelayMs = 200 }: PresenceOptions) {
  let port: Port | undefined;
  let closed = false;
  let last: Omit<PanelView, 'op'> = { conversationId: null, visible: false };

  const open = () => {
    const opened = connect();
    opened.onMessage.addListener((message: unknown) => {
      const command = ShowConversationSchema.safeParse(message);
      if (command.success) onShow(command.data.conversationId);
      else console.warn('[parley] ignored a malformed presence command');
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      if (closed) return;
      setTimeout(() => {
        void shouldReconnect().then((yes) => {
          if (yes && !closed && !port) open();
        });
      }, reconnectDelayMs);
    });
    port = opened;
    opened.postMessage({ op: 'view', ...last } satisfies PanelView);
  };
  open();

  return {
    report(view: Omit<PanelView, 'op'>): void {
      last = view;
      port?.postMessage({ op: 'view', ...view } satisfies PanelView);
    },
    close(): void {
      closed = true;
      port?.disconnect();
    },
  };
}
