import type { PhoneSpot } from './detect';
import { t } from './page-runtime';
import { createShadowHost } from './shadow-host';

// Inline and small so the page's line boxes barely move. `all: initial` keeps the CRM's inherited
// styles (font, colour, letter-spacing) off the host; the shadow root keeps its rules out.
const css = `
  :host { all: initial !important; display: inline-block !important; margin-inline-start: 0.35em !important; vertical-align: baseline !important; }
  button {
    font: 600 11px/1.6 system-ui, sans-serif; letter-spacing: 0.02em;
    color: #fff; background: #2f6f5e; border: 0; border-radius: 999px;
    padding: 0 0.7em; cursor: pointer;
  }
  button:hover { background: #255a4c; }
  button:focus-visible { outline: 2px solid #2f6f5e; outline-offset: 2px; }
`;

/** An "SMS" button for a number found in the page, in its own shadow root; placed by the caller. */
export function createSmsButton(spot: PhoneSpot, onClick: (e164: string) => void): HTMLElement {
  const { host, root } = createShadowHost('parley-sms', css);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('smsButton');
  const label = t('smsButtonLabel', spot.hit.formatted);
  button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', (event) => {
    // The number may sit inside a CRM link or row with its own click handler.
    event.preventDefault();
    event.stopPropagation();
    onClick(spot.hit.e164);
  });
  root.append(button);
  return host;
}

/**
 * Puts an SMS button right after each spot's number. All buttons are built first and inserted in
 * one run of DOM writes, with no layout read in between, so the page lays out once.
 */
export function mountSmsButtons(spots: readonly PhoneSpot[], onClick: (e164: string) => void): void {
  const placed = spots.filter((spot) => spot.after.parentNode).map((spot) => [spot.after as ChildNode, createSmsButton(spot, onClick)] as const);
  for (const [after, host] of placed) after.after(host);
}
