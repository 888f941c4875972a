import { describe, expect, it } from 'vitest';
import { profileForUrl } from '../../../utils/crm/profiles/registry';

const pick = (url: string, extra?: Record<string, string[]>) => profileForUrl(new URL(url), extra).id;

describe('profile registry', () => {
  it.each([
    ['http://127.0.0.1:8788/cases/1001', 'demo'],
    ['http://localhost:43117/search?phone=%2B15035550142', 'demo'],
    ['https://acme.lightning.force.com/lightning/r/Case/500Dn00000K7mQpIAJ/view', 'salesforce'],
    ['https://acme.my.salesforce.com/500Dn00000K7mQp', 'salesforce'],
    ['https://app.hubspot.com/contacts/24681357/record/0-5/1839204756', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/24681357/objects/0-5/views/all/list', 'hubspot'],
    ['https://acme.zendesk.com/agent/tickets/73410', 'zendesk'],
    ['https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=7c9e6679-7425-40de-944b-e07fc1f90ae7', 'dynamics-365'],
    ['https://acme.service-now.com/incident.do?sys_id=9d385017c611228701d22104cc95c371', 'servicenow'],
    ['https://acme.freshdesk.com/a/tickets/2048', 'freshdesk'],
    ['https://desk.zoho.eu/agent/acmesupport/support/tickets/details/512000000123456', 'zoho-desk'],
    ['https://rt.example.org/Ticket/Display.html?id=1187', 'request-tracker'],
    ['https://support.example.net/rt/Ticket/Update.html?Action=Comment&id=1187', 'request-tracker'],
    // A CRM's own host beats a self-hosted product's path patterns.
    ['https://acme.zendesk.com/Ticket/Display.html?id=1', 'zendesk'],
    ['https://example.com/account/contact', 'generic'],
    ['https://acme.zendesk.com.evil.example/agent/tickets/1', 'generic'],
    ['https://evil.example/agent/tickets/1?next=https://acme.zendesk.com/', 'generic'],
    ['https://app.hubspot.com.evil.example/contacts/1/record/0-5/2', 'generic'],
  ])('%s → %s', (url, id) => {
    expect(pick(url)).toBe(id);
  });

  it('uses origins an agent added for a self-hosted CRM on its other pages too', () => {
    expect(pick('https://rt.example.org/Search/Results.html?Query=1')).toBe('generic');
    expect(pick('https://rt.example.org/Search/Results.html?Query=1', { 'request-tracker': ['https://rt.example.org/*'] })).toBe('request-tracker');
    expect(pick('https://servicedesk.example.com/incident.do?sys_id=9d385017c611228701d22104cc95c371', { servicenow: ['https://servicedesk.example.com/*'] })).toBe('servicenow');
  });
});
