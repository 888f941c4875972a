import type { Browser } from 'wxt/browser';
import type { SenderKind } from './names';

/**
 * Classifies who sent a runtime message. Only this extension's own contexts count: a message from
 * another extension (or a web page via externally_connectable) is never trusted.
 * - extension page: the panel (side panel, tab or dock iframe), options, popup; its URL is under
 *   our base URL, even when it runs in a frame inside a CRM tab;
 * - content script: runs in a tab, on a page that is not ours.
 * The base URL is compared as a prefix rather than via URL.origin, which is "null" for
 * non-special schemes outside a browser.
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, extensionBaseUrl: string): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionBaseUrl)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return null;
}
