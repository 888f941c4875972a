// Test pages from constant markup. DOMParser builds an inert document (no scripts run, as the CRM
// fixture loader parses saved pages); its nodes then move into the live document, where observers
// and the content script see them.

function nodesOf(html: string): Node[] {
  return [...new DOMParser().parseFromString(html, 'text/html').body.childNodes];
}

/** Replaces the page body with this markup. */
export function showPage(html: string): void {
  document.body.replaceChildren(...nodesOf(html));
}

/** Adds this markup at the end of the page body, as a page rendering more content does. */
export function appendToPage(html: string): void {
  document.body.append(...nodesOf(html));
}

/** A detached element holding this markup. */
export function fragmentOf(html: string): HTMLElement {
  const element = document.createElement('div');
  element.append(...nodesOf(html));
  return element;
}
