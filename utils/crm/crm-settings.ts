import { storage } from 'wxt/utils/storage';
import { SUPPORTED_COUNTRIES, type SupportedCountry } from '../sms/detect/metadata/countries';

/**
 * The CRM settings the content scripts and the background share (storage.local, which content
 * scripts may read). Values are checked where they are read: storage is not a trusted boundary for
 * shape, only for origin.
 */

/** How numbers written without "+" are read on CRM pages. */
export const defaultCountryItem = storage.defineItem<string>('local:crmDefaultCountry', { fallback: 'US' });

export function asSupportedCountry(value: unknown): SupportedCountry {
  return (SUPPORTED_COUNTRIES as readonly unknown[]).includes(value) ? (value as SupportedCountry) : 'US';
}

/** A CRM origin the agent enabled on the options page (host access granted for `${origin}/*`). */
export interface CrmSite {
  origin: string;
  /** A profile forced for this origin (a self-hosted Request Tracker); absent: picked by URL. */
  profileId?: string;
}

export const crmSitesItem = storage.defineItem<CrmSite[]>('local:crmSites', { fallback: [] });

/** Extra match patterns per profile, for profileForUrl: the sites an agent assigned to a profile. */
export function extraMatchesOf(sites: readonly CrmSite[]): Record<string, string[]> {
  const extra: Record<string, string[]> = {};
  for (const { origin, profileId } of sites) if (profileId) (extra[profileId] ??= []).push(`${origin}/*`);
  return extra;
}

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
