import { browser } from 'wxt/browser';
import { getConversation, latestConversationWith } from '../db/conversations';
import type { ParleyDb, StoredConversation } from '../db/database';
import { timeline } from '../db/messages';
import { t } from '../i18n';
import type { ChatRequest, FoundCase } from '../crm/case-protocol';
import { addressSearchItem, crmSitesItem } from '../crm/crm-settings';
import { requestTab } from '../messaging/client';
import { callId } from '../notify/chat-notification';
import type { Arrival } from '../sync/apply-events';
import { ensureDetector } from './case-inject';
import { endLink, linkCase, linksOfNumber, markLogged, openLinkOf, openLinksInTab, type CaseLink } from './case-links';
import { sendCaseLink } from './case-server';
import { casePops, crmTabs, type CrmTab } from './case-tabs';
import { transcript, unloggedMessages } from './case-transcript';

/** The demo CRM's origins, declared in the manifest; every other CRM origin is one the agent enabled. */
export const DEMO_CRM_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

const PREVIEW = 200;

export interface CaseFlowDeps {
  /** Where a conversation goes when there is no CRM tab to pop a case in (the panel). */
  openConversation: (conversationId: string) => Promise<void>;
  now?: () => number;
}

const warn = (what: string) => (error: unknown) => console.warn(`[parley] ${what}`, error);

/**
 * Seed 004 in the background: a chat request when a customer texts with no case open for them;
 * on Answer the case pops (continue the case open in a tab, continue a recent one or create one);
 * the link between conversation and case, ended when the case leaves its tab; "Log to case".
 */
export class CaseFlow {
  private readonly now: () => number;

  constructor(
    private readonly db: ParleyDb,
    private readonly deps: CaseFlowDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  /** The tabs showing a CRM the extension has access to: the demo CRM and the origins the agent enabled. */
  async crmTabIds(): Promise<number[]> {
    const sites = await crmSitesItem.getValue();
    const patterns = [...DEMO_CRM_MATCHES, ...sites.map((site) => `${site.origin}/*`)];
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  }

  /** New customer texts with no case open for them become chat requests in every CRM tab. */
  async announce(arrivals: readonly Arrival[]): Promise<void> {
    for (const { conversation, message } of arrivals) {
      if (message.direction !== 'inbound' || message.kind === 'system' || !conversation.customerNumber) continue;
      if (conversation.type !== 'sms' && conversation.type !== 'whatsapp') continue;
      if (await openLinkOf(this.db, conversation.id)) continue;
      if ((await casePops.tabOf(conversation.id)) !== undefined) continue;
      const request = this.requestOf(conversation, message.body);
      for (const tabId of await this.crmTabIds()) {
        await ensureDetector(tabId)
          .then(() => requestTab(tabId, 'bg→crm:chat-request', request))
          .catch(warn(`could not show the chat request in tab ${tabId}`));
      }
    }
  }

  private requestOf(conversation: StoredConversation, body: string): ChatRequest {
    return {
      conversationId: conversation.id,
      callId: callId(conversation) ?? '',
      title: t(conversation.type === 'whatsapp' ? 'notif_whatsAppChatRequest' : 'notif_smsChatRequest'),
      preview: body.length > PREVIEW ? `${body.slice(0, PREVIEW - 1)}…` : body,
    };
  }

  /**
   * The agent answered (notification or in-page card). 1: the case linked to the conversation, or a
   * case showing the number, is open in a tab: continue there, that tab comes forward. 2: the CRM
   * knows recent cases for the number: offer them and a new case. 3: a new case with the phone.
   */
  async answer(conversationId: string, fromTabId?: number): Promise<void> {
    const conversation = await getConversation(this.db, conversationId);
    const number = conversation?.customerNumber;
    if (!conversation || !number) return this.deps.openConversation(conversationId);
    const tabIds = await this.crmTabIds();
    for (const tabId of tabIds) void requestTab(tabId, 'bg→crm:dismiss-request', { conversationId }).catch(() => undefined);

    const open = await this.openCaseFor(conversation.id, number, tabIds);
    if (open) {
      await this.showIn(open, conversation.id);
      return;
    }
    const tabId = await this.workingTab(tabIds, fromTabId);
    if (tabId === undefined) return this.deps.openConversation(conversationId);
    await ensureDetector(tabId);
    const cases = await this.recentCases(tabId, number);
    if (cases.length > 0) {
      const request = this.requestOf(conversation, conversation.lastMessagePreview ?? '');
      await requestTab(tabId, 'bg→crm:offer-cases', { ...request, cases });
      await focusTab(tabId);
      return;
    }
    await this.popNewCase(conversation, tabId);
  }

  /** The agent's pick on the offer card: continue a case (a URL on the tab's own CRM) or a new one. */
  async choose(conversationId: string, caseUrl: string | null, tabId: number): Promise<void> {
    const conversation = await getConversation(this.db, conversationId);
    if (!conversation?.customerNumber) return;
    if (caseUrl === null) return this.popNewCase(conversation, tabId);
    const tab = await browser.tabs.get(tabId);
    if (!tab.url || new URL(caseUrl).origin !== new URL(tab.url).origin) throw new Error('a case to continue must be on the CRM of its tab');
    await casePops.set(tabId, conversationId);
    await browser.tabs.update(tabId, { url: caseUrl, active: true });
    await focusTab(tabId);
  }

  /** A tab whose linked case, or a case showing this number, is on screen. */
  private async openCaseFor(conversationId: string, number: string, tabIds: readonly number[]): Promise<number | undefined> {
    const link = await openLinkOf(this.db, conversationId);
    if (link?.tabId !== undefined && tabIds.includes(link.tabId)) return link.tabId;
    for (const [tabId, tab] of await crmTabs.all()) {
      if (!tabIds.includes(tabId) || !tab.case?.phones.some((phone) => phone.e164 === number)) continue;
      await this.link(conversationId, number, tabId, tab);
      return tabId;
    }
    return undefined;
  }

  /** The tab a case pops in: the one the agent answered from, else the active CRM tab, else any. */
  private async workingTab(tabIds: readonly number[], fromTabId?: number): Promise<number | undefined> {
    if (fromTabId !== undefined && tabIds.includes(fromTabId)) return fromTabId;
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id !== undefined && tabIds.includes(active.id)) return active.id;
    return tabIds[0];
  }

  /** The number's cases: the ones it was last linked to on this CRM first, then the CRM's search. */
  private async recentCases(tabId: number, number: string): Promise<FoundCase[]> {
    const tab = await browser.tabs.get(tabId);
    const origin = tab.url ? new URL(tab.url).origin : '';
    const linked = (await linksOfNumber(this.db, number))
      .filter((link) => link.origin === origin)
      .map((link): FoundCase => ({ id: link.caseId, title: link.caseTitle, url: link.caseUrl }));
    const searched = await requestTab(tabId, 'bg→crm:search-cases', { phone: number }).then(
      (reply) => reply.cases,
      (error: unknown) => (warn('the case search failed')(error), []),
    );
    const byId = new Map<string, FoundCase>();
    for (const found of [...linked, ...searched]) if (!byId.has(found.id)) byId.set(found.id, found);
    return [...byId.values()].slice(0, 3);
  }

  private async popNewCase(conversation: StoredConversation, tabId: number): Promise<void> {
    // A conversation's title is the customer's name once the PBX knows it, else their number.
    const name = conversation.title && conversation.title !== conversation.customerNumber ? conversation.title.slice(0, 200) : undefined;
    // The page's profile builds the link (it checks the page is that CRM and stays on its origin).
    const { url } = await requestTab(tabId, 'bg→crm:new-case-url', { phone: conversation.customerNumber!, ...(name && { name }) });
    const tab = await browser.tabs.get(tabId);
    if (!tab.url || new URL(url).origin !== new URL(tab.url).origin) throw new Error('a new case must open on the CRM of its tab');
    await casePops.set(tabId, conversation.id);
    await browser.tabs.update(tabId, { url, active: true });
    await focusTab(tabId);
  }

  /** The detector's report: links a popped case, ends links whose case left the tab, keeps the dock. */
  async onCaseOnScreen(tabId: number, tab: CrmTab): Promise<void> {
    await crmTabs.set(tabId, tab);
    const shown = tab.case;
    const origin = new URL(tab.url).origin;
    for (const link of await openLinksInTab(this.db, tabId)) {
      if (shown && link.caseId === shown.id && link.origin === origin) {
        await requestTab(tabId, 'bg→crm:open-dock', { conversationId: link.conversationId }).catch(warn('could not dock the conversation'));
      } else {
        await sendCaseLink(await endLink(this.db, link, this.now())).catch(warn('could not send the ended case link'));
      }
    }
    const pop = await casePops.get(tabId);
    if (!pop) return;
    await requestTab(tabId, 'bg→crm:open-dock', { conversationId: pop.conversationId }).catch(warn('could not dock the conversation'));
    if (!shown) return;
    const conversation = await getConversation(this.db, pop.conversationId);
    await casePops.clear(tabId);
    if (!conversation?.customerNumber) return;
    await this.link(conversation.id, conversation.customerNumber, tabId, tab);
    if (shown.address) await searchAddress(shown.address);
  }

  private async link(conversationId: string, customerNumber: string, tabId: number, tab: CrmTab): Promise<CaseLink> {
    const shown = tab.case!;
    const { link, created } = await linkCase(
      this.db,
      {
        conversationId,
        customerNumber,
        profileId: shown.profileId,
        origin: new URL(tab.url).origin,
        caseId: shown.id,
        caseUrl: tab.url,
        caseTitle: shown.title,
        tabId,
      },
      this.now(),
    );
    if (created) await sendCaseLink(link).catch(warn('could not send the case link'));
    return link;
  }

  private async showIn(tabId: number, conversationId: string): Promise<void> {
    await ensureDetector(tabId);
    await focusTab(tabId);
    await requestTab(tabId, 'bg→crm:open-dock', { conversationId });
  }

  /** The case tab closed: its links end; the customer's next text asks again. */
  async onTabRemoved(tabId: number): Promise<void> {
    for (const link of await openLinksInTab(this.db, tabId)) {
      await sendCaseLink(await endLink(this.db, link, this.now())).catch(warn('could not send the ended case link'));
    }
    await Promise.all([crmTabs.forget(tabId), casePops.clear(tabId)]);
  }

  /**
   * "Log to case": the messages of the tab's linked conversation not logged to this case yet, as a
   * transcript, and from now on counted as logged. Null when the tab shows no linked case.
   */
  async logToCase(tabId: number): Promise<{ text: string | null; count: number }> {
    const link = (await openLinksInTab(this.db, tabId))[0] ?? (await this.linkShownCase(tabId));
    if (!link) return { text: null, count: 0 };
    const messages = unloggedMessages(await timeline(this.db, link.conversationId), link.lastLogged);
    const last = messages.at(-1);
    if (!last) return { text: '', count: 0 };
    await markLogged(this.db, link.id, { messageId: last.id, createdAt: last.createdAt });
    return { text: transcript(messages, { customer: t('logCustomer'), agent: t('logAgent') }), count: messages.length };
  }

  /**
   * A case the agent reached without a chat request (click-to-SMS from the case page): the
   * conversation with the case's first number that has one becomes the case's linked conversation.
   */
  private async linkShownCase(tabId: number): Promise<CaseLink | undefined> {
    const tab = await crmTabs.get(tabId);
    for (const phone of tab?.case?.phones ?? []) {
      const conversation = await latestConversationWith(this.db, phone.e164);
      if (conversation) return this.link(conversation.id, phone.e164, tabId, tab!);
    }
    return undefined;
  }

  /** The keyboard shortcut, in the active tab when it is a CRM page. */
  async toggleDock(): Promise<void> {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id === undefined || !(await this.crmTabIds()).includes(active.id)) return;
    await ensureDetector(active.id);
    await requestTab(active.id, 'bg→crm:toggle-dock', {});
  }
}

async function focusTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Seed 004's "address search, as configured": the case's address in the agent's map or lookup site. */
async function searchAddress(address: string): Promise<void> {
  const template = await addressSearchItem.getValue();
  if (!template || !template.includes('{address}')) return;
  const url = new URL(template.replace('{address}', encodeURIComponent(address)));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  await browser.tabs.create({ url: url.href, active: false });
}
