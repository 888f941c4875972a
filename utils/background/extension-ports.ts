import { browser, type Browser } from 'wxt/browser';
import { senderKind } from '../messaging/sender';

/**
 * Accepts long-lived ports of one name from this extension's own pages only; any other sender's
 * port is logged and disconnected.
 */
export function acceptExtensionPorts(
  name: string,
  onPort: (port: Browser.runtime.Port) => void,
  extensionId = browser.runtime.id,
  extensionBaseUrl = browser.runtime.getURL('/'),
): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== name) return;
    if (!port.sender || senderKind(port.sender, extensionId, extensionBaseUrl) !== 'extension-page') {
      console.warn(`[parley] rejected a ${name} port from an untrusted sender`, { url: port.sender?.url });
      port.disconnect();
      return;
    }
    onPort(port);
  });
}
