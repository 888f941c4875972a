import { accessItem, sessionItem } from '../settings';
import type { CaseLink } from './case-links';

/**
 * Sends a conversation's case link to the PBX as conversation metadata (PUT
 * /v1/conversations/{id}/case-link), so another agent or a report sees which case it belongs to.
 * Best effort: the link lives in Dexie either way; a failure is logged and the next change of the
 * link sends the current state again.
 */
export async function sendCaseLink(link: CaseLink): Promise<void> {
  const [session, access] = await Promise.all([sessionItem.getValue(), accessItem.getValue()]);
  if (!session || !access) return;
  const response = await fetch(`${session.serverUrl}/v1/conversations/${encodeURIComponent(link.conversationId)}/case-link`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access.accessToken}` },
    body: JSON.stringify({
      crm: link.profileId,
      caseId: link.caseId,
      caseUrl: link.caseUrl,
      caseTitle: link.caseTitle,
      state: link.endedAt === null ? 'open' : 'ended',
    }),
  });
  if (!response.ok) console.warn(`[parley] the PBX did not take the case link (${response.status})`);
}
