import { bestMatch } from './match';
import type { CrmProfile } from './schema';
import { demoProfile } from './demo';
import { dynamics365Profile } from './dynamics-365';
import { freshdeskProfile } from './freshdesk';
import { genericProfile } from './generic';
import { hubspotProfile } from './hubspot';
import { requestTrackerProfile } from './request-tracker';
import { salesforceProfile } from './salesforce';
import { servicenowProfile } from './servicenow';
import { zendeskProfile } from './zendesk';
import { zohoDeskProfile } from './zoho-desk';

/** Every shipped profile. The generic one matches any page and is only picked when nothing else does. */
export const crmProfiles: readonly CrmProfile[] = [
  demoProfile,
  salesforceProfile,
  hubspotProfile,
  zendeskProfile,
  dynamics365Profile,
  servicenowProfile,
  freshdeskProfile,
  zohoDeskProfile,
  requestTrackerProfile,
  genericProfile,
];

/** Origins an agent added for a profile (a self-hosted Request Tracker, a ServiceNow custom domain). */
export type ExtraMatches = Readonly<Record<string, readonly string[]>>;

/**
 * The profile for a page: the one whose narrowest match pattern includes the URL most
 * specifically, so a CRM's own profile beats a self-hosted product's path patterns, and those beat
 * the generic profile.
 */
export function profileForUrl(url: URL, extraMatches: ExtraMatches = {}): CrmProfile {
  let picked = genericProfile;
  let pickedRank = -1;
  for (const profile of crmProfiles) {
    const rank = bestMatch([...profile.matches, ...(extraMatches[profile.id] ?? [])], url);
    if (rank > pickedRank) {
      picked = profile;
      pickedRank = rank;
    }
  }
  return picked;
}
