import type { CrmPageProfile } from './schema';
import { demoPageProfile } from './demo';
import { dynamics365PageProfile } from './dynamics-365';
import { freshdeskPageProfile } from './freshdesk';
import { genericPageProfile } from './generic';
import { hubspotPageProfile } from './hubspot';
import { requestTrackerPageProfile } from './request-tracker';
import { salesforcePageProfile } from './salesforce';
import { servicenowPageProfile } from './servicenow';
import { zendeskPageProfile } from './zendesk';
import { zohoDeskPageProfile } from './zoho-desk';

/** Every shipped profile's page part (where SMS buttons go). */
export const crmPageProfiles: readonly CrmPageProfile[] = [
  demoPageProfile,
  salesforcePageProfile,
  hubspotPageProfile,
  zendeskPageProfile,
  dynamics365PageProfile,
  servicenowPageProfile,
  freshdeskPageProfile,
  zohoDeskPageProfile,
  requestTrackerPageProfile,
  genericPageProfile,
];

/**
 * The page part of a profile by id: the background picks the profile for the page (registry.ts's
 * profileForUrl, whose match patterns the detector does not carry) and passes its id.
 */
export function pageProfileById(id: string): CrmPageProfile {
  return crmPageProfiles.find((profile) => profile.id === id) ?? genericPageProfile;
}
