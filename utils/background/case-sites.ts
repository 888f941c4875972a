import { browser } from 'wxt/browser';
import { crmSitesItem, type CrmSite } from '../crm/crm-settings';

const LOADER = '/content-scripts/crm.js';
const PREFIX = 'parley-crm:';

const scriptId = (origin: string) => `${PREFIX}${origin}`;

/**
 * The loader content script registered for every CRM origin the agent enabled and still grants
 * host access to, and for no other: runs at start-up and whenever the sites or the permissions
 * change. Registrations persist across browser restarts; this keeps them in step with the list.
 */
export async function syncCrmSiteScripts(sites?: readonly CrmSite[]): Promise<void> {
  const wanted = new Set<string>();
  for (const { origin } of sites ?? (await crmSitesItem.getValue())) {
    if (await browser.permissions.contains({ origins: [`${origin}/*`] })) wanted.add(scriptId(origin));
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id).filter((id) => id.startsWith(PREFIX));
  const stale = registered.filter((id) => !wanted.has(id));
  const missing = [...wanted].filter((id) => !registered.includes(id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (missing.length > 0) {
    await browser.scripting.registerContentScripts(
      missing.map((id) => ({
        id,
        matches: [`${id.slice(PREFIX.length)}/*`],
        js: [LOADER],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
}

/** Keeps the registrations current: at start-up, on a changed site list, on granted or revoked access. */
export function keepCrmSiteScripts(): void {
  const sync = () => void syncCrmSiteScripts().catch((error: unknown) => console.error('[parley] could not register the CRM content scripts', error));
  crmSitesItem.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
