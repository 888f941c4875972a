import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import overrides from './manifest-overrides.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';

// Chromium-family browsers (Edge, Opera) share Chrome's manifest keys.
function overridesFor(browser: string): Record<string, unknown> {
  const key: Browser = browser === 'firefox' ? 'firefox' : 'chrome';
  return overrides[key];
}

// The dock iframe loads the panel inside CRM pages. Their origins are the agent's choice at run
// time (optional host permissions), so the panel is web-accessible to http(s) pages. It is
// extension-origin: a page that frames it cannot read what it shows.
const crmMatches = ['http://*/*', 'https://*/*'];
const demoCrmMatches = ['http://localhost/*', 'http://127.0.0.1/*'];

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
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      ...specific,
      // The fewest permissions: no host access here; the PBX answers with CORS and CRM
      // origins are granted one by one when the agent enables them. `alarms` wakes a stopped
      // background to resume the session (utils/background/watchdog.ts).
      permissions: ['storage', 'notifications', 'alarms', 'scripting', ...specificPermissions],
      // CRM origins are asked for one at a time from the options page (utils/background/case-sites.ts).
      optional_host_permissions: ['http://*/*', 'https://*/*'],
      // The demo CRM (local hosts only) is granted at install: `npm start` and the e2e tests run
      // the case flow there without a permission prompt. The background injects the detector and
      // finds CRM tabs with this access; a content script's match alone does not give it.
      host_permissions: demoCrmMatches,
      web_accessible_resources: [{ resources: ['panel.html'], matches: crmMatches }],
      commands: { 'toggle-dock': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Show or hide Parley docked in the CRM page' } },
    };
  },
  hooks: {
    // WXT adds the popup to `action` for every browser; the overrides file decides per browser.
    'build:manifestGenerated': (wxt, manifest) => {
      const action = overridesFor(wxt.config.browser).action as typeof manifest.action;
      if (action) manifest.action = { ...action, default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } };
    },
  },
});
