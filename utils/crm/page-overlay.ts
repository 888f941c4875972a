import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

/**
 * A piece of Parley UI laid over the CRM page (the dock, the chat-request cards): its own shadow
 * root at the end of <body>, so the page's styles neither reach it nor are disturbed by it.
 */
export function createPageOverlay<T>(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  onMount: (container: HTMLElement) => T,
): Promise<ShadowRootContentScriptUi<T>> {
  return createShadowRootUi(ctx, { name, mode: 'open', position: 'inline', anchor: document.body, append: 'last', css, onMount });
}
