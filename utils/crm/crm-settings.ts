import { storage } from 'wxt/utils/storage';
import type { CrmSite } from './crm-config';

export { asSupportedCountry, extraMatchesOf, type CrmSite } from './crm-config';

/**
 * The CRM settings in storage.local: read by the options page and the background, which passes the
 * detector what it needs (crm-config.ts), and by the dock for its layout. Values are checked where
 * they are read: storage is not a trusted boundary for shape, only for origin.
 */

/** How numbers written without "+" are read on CRM pages. */
export const defaultCountryItem = storage.defineItem<string>('local:crmDefaultCountry', { fallback: 'US' });

export const crmSitesItem = storage.defineItem<CrmSite[]>('local:crmSites', { fallback: [] });

/** The dock's size and state on one CRM origin. */
export interface DockLayout {
  width: number;
  collapsed: boolean;
}

export const DEFAULT_DOCK_LAYOUT: DockLayout = { width: 420, collapsed: false };

export const dockLayoutsItem = storage.defineItem<Record<string, DockLayout>>('local:crmDockLayouts', { fallback: {} });

/**
 * Where "the configured address search" of seed 004 goes: a URL with "{address}" in it
 * (e.g. https://www.openstreetmap.org/search?query={address}); empty: none.
 */
export const addressSearchItem = storage.defineItem<string>('local:crmAddressSearch', { fallback: '' });
