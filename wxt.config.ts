import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import overrides from './manifest-overrides.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';

// Chromium-family browsers (Edge, Opera) share Chrome's manifest keys.
function overridesFor(browser: string): Record<string, unknown> {
  const key: Browser = browser === 'firefox' ? 'firefox' : 'chrome';
  return overrides[key];
}

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  // Firefox gets MV3 too: one background model (event page) and one permission model for both.
  manifestVersion: 3,
  // The stack's promise-based `browser` everywhere, Chrome included.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => {
    const specific = overridesFor(browser);
    const specificPermissions = (specific.permissions as string[] | undefined) ?? [];
    return {
      name: 'Parley',
      description: 'Text customers from inside your CRM: SMS and WhatsApp conversations, queues and case pop.',
      default_locale: 'en',
      ...specific,
      // The fewest permissions: no host access here; the PBX answers with CORS and CRM
      // origins are granted one by one when the agent enables them.
      permissions: ['storage', 'notifications', ...specificPermissions],
      action: { default_title: 'Parley' },
    };
  },
});
