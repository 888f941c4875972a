import type { Browser } from 'wxt/browser';
import type { SenderKind } from './protocol';

/**
 * Classifies who sent a runtime message. Only this extension's own contexts count: a message from
 * another extension (or a web page via externally_connectable) is never trusted.
 * - extension page: the panel (side panel, tab or dock iframe), options, popup; its URL is ours,
 *   even when it runs in a frame inside a CRM tab;
 * - content script: runs in a tab, on a page whose URL is not ours.
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const origin = originOf(sender.url);
  if (origin === extensionOrigin) return 'extension-page';
  if (sender.tab && origin !== null) return 'content-script';
  return null;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
