/**
 * Where the panel may run inside a frame. panel.html is web-accessible to every http(s) page, because
 * the dock has to load on whichever CRM site the agent enables, so any page could frame it too and
 * overlay it to trick the agent into clicks. A framed panel therefore renders only inside a page whose
 * origin the agent granted Parley access to: exactly the sites the dock is injected into.
 */

/**
 * The origin of the page that frames this document. Chromium reports it in location.ancestorOrigins;
 * elsewhere the referrer is the fallback, and a page that withholds it (no-referrer) gets no panel.
 */
export function framingOrigin(ancestorOrigins: ArrayLike<string> | undefined, referrer: string): string | null {
  const parent = ancestorOrigins?.[0] ?? (URL.canParse(referrer) ? new URL(referrer).origin : null);
  // Sandboxed and opaque parents report the string "null": never a granted site.
  return parent && /^https?:\/\/[^/]+$/.test(parent) ? parent : null;
}

/** Whether a framed panel may render: its framing page must be an origin the agent granted. */
export async function framedPanelAllowed(parent: string | null, hasHostAccess: (origin: string) => Promise<boolean>): Promise<boolean> {
  return parent !== null && (await hasHostAccess(parent));
}
