const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/i;

/**
 * The origin a CRM address typed by the agent stands for ("acme.my.salesforce.com",
 * "https://rt.example.org/Ticket/Display.html?id=1" → "https://rt.example.org"), or null when it is
 * not an http(s) address with a host. Host access is asked for exactly `${origin}/*`.
 */
export function crmOriginOf(input: string): string | null {
  const typed = input.trim();
  if (!typed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // Browsers differ on odd hosts (Chromium percent-encodes "a b"); only a plain host name or an IP is a CRM.
  if (!HOST.test(url.hostname) || url.username || url.password) return null;
  return url.origin;
}
