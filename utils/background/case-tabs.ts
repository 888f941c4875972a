import { storage } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import type { CaseOnScreenSchema } from '../crm/case-protocol';

export type CaseOnScreen = z.infer<typeof CaseOnScreenSchema>;

/** What the detector in a tab last reported. */
export interface CrmTab {
  url: string;
  case: CaseOnScreen | null;
  hasNoteField: boolean;
}

/**
 * The CRM tabs' state, in storage.session: it must survive a service-worker restart (a case pop
 * spans a page load) but not the browser, whose tab ids start over.
 */
const tabsItem = storage.defineItem<Record<string, CrmTab>>('session:crmTabs', { fallback: {} });
/** Tabs where a case pop is under way: the conversation to link to the case the tab shows next. */
const popsItem = storage.defineItem<Record<string, { conversationId: string }>>('session:casePops', { fallback: {} });

// Read-modify-write of one storage item: reports from several tabs must not overwrite each other.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export const crmTabs = {
  all: async (): Promise<Array<[number, CrmTab]>> => Object.entries(await tabsItem.getValue()).map(([id, tab]) => [Number(id), tab]),
  get: async (tabId: number): Promise<CrmTab | undefined> => (await tabsItem.getValue())[tabId],
  set: (tabId: number, tab: CrmTab) => serial(async () => tabsItem.setValue({ ...(await tabsItem.getValue()), [tabId]: tab })),
  forget: (tabId: number) =>
    serial(async () => {
      const { [tabId]: _gone, ...rest } = await tabsItem.getValue();
      await tabsItem.setValue(rest);
    }),
};

export const casePops = {
  get: async (tabId: number) => (await popsItem.getValue())[tabId],
  tabOf: async (conversationId: string) => {
    const entry = Object.entries(await popsItem.getValue()).find(([, pop]) => pop.conversationId === conversationId);
    return entry ? Number(entry[0]) : undefined;
  },
  set: (tabId: number, conversationId: string) => serial(async () => popsItem.setValue({ ...(await popsItem.getValue()), [tabId]: { conversationId } })),
  clear: (tabId: number) =>
    serial(async () => {
      const { [tabId]: _gone, ...rest } = await popsItem.getValue();
      await popsItem.setValue(rest);
    }),
};
