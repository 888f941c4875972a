import { createShadowHost } from './shadow-host';

export interface PageOverlay<T> {
  /** What `build` returned: the element the caller keeps working with. */
  readonly content: T;
  readonly mounted: boolean;
  mount(): void;
  remove(): void;
}

/**
 * A piece of Parley UI laid over the CRM page (the dock, the chat-request cards): its own shadow
 * root on a host at the end of <body>, so the page's styles neither reach it nor are disturbed by it.
 */
export function createPageOverlay<T>(tag: string, css: string, build: (container: ShadowRoot) => T): PageOverlay<T> {
  const { host, root } = createShadowHost(tag, `:host { all: initial !important; }\n${css}`);
  const content = build(root);
  return {
    content,
    get mounted() {
      return host.isConnected;
    },
    mount: () => document.body.append(host),
    remove: () => host.remove(),
  };
}
