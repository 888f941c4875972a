/**
 * Parley's own elements in a CRM page: a host element with an open shadow root (assistive
 * technology and the e2e tests reach inside; the page's styles do not), styled by one stylesheet
 * per kind of element that every host adopts, so ten thousand SMS buttons parse their CSS once.
 * Where a browser refuses a stylesheet made in a content script's world (Firefox's Xray
 * wrappers), each root gets a <style> element with the same text.
 */

const sheets = new Map<string, CSSStyleSheet | null>();

function sheetFor(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  return sheet;
}

/** A new `<tag>` (e.g. "parley-sms") with a shadow root styled by `css`; not yet in the page. */
export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sheetFor(css);
  try {
    if (!sheet) throw new Error('no constructed stylesheet');
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return { host, root };
}
