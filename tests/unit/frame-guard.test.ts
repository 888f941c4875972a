import { describe, expect, it } from 'vitest';
import { framedPanelAllowed, framingOrigin } from '../../utils/ui/frame-guard';

describe('framingOrigin', () => {
  it('takes the direct parent from ancestorOrigins', () => {
    expect(framingOrigin(['https://crm.example.com', 'https://portal.example.com'], '')).toBe('https://crm.example.com');
  });

  it('falls back to the referrer origin where ancestorOrigins does not exist', () => {
    expect(framingOrigin(undefined, 'http://localhost:8788/cases/1001?x=1')).toBe('http://localhost:8788');
  });

  it('gives no origin for a withheld referrer, an opaque parent or a non-web scheme', () => {
    expect(framingOrigin(undefined, '')).toBeNull();
    expect(framingOrigin(['null'], '')).toBeNull();
    expect(framingOrigin(undefined, 'file:///tmp/page.html')).toBeNull();
  });
});

describe('framedPanelAllowed', () => {
  const granted = new Set(['http://localhost:8788']);
  const hasHostAccess = async (origin: string) => granted.has(origin);

  it('allows a framing page the agent granted', async () => {
    expect(await framedPanelAllowed('http://localhost:8788', hasHostAccess)).toBe(true);
  });

  it('refuses any other page, and an unknown parent', async () => {
    expect(await framedPanelAllowed('https://evil.example', hasHostAccess)).toBe(false);
    expect(await framedPanelAllowed(null, hasHostAccess)).toBe(false);
  });
});
