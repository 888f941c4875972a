import type { CrmUi, CrmUiOptions } from './crm-ui';
import { sendToBackground } from './page-runtime';

/** Where the crm-ui script leaves its factory in the isolated world it shares with the detector. */
export const CRM_UI_KEY = '__parleyCrmUi';

type CrmUiFactory = (options: CrmUiOptions) => CrmUi;

const factory = () => (globalThis as Record<string, unknown>)[CRM_UI_KEY] as CrmUiFactory | undefined;

/** Called by the crm-ui script when the background injects it. */
export function registerCrmUi(create: CrmUiFactory): void {
  (globalThis as Record<string, unknown>)[CRM_UI_KEY] = create;
}

/**
 * The detector's on-demand part, loaded the first time it is needed: the background injects the
 * crm-ui script into this frame (it checks that the request comes from one of our content scripts
 * in a tab), which registers itself in the isolated world both scripts share. A failed load is
 * tried again at the next need.
 */
export function crmUiLoader(options: CrmUiOptions): { (): Promise<CrmUi>; loaded(): Promise<CrmUi> | undefined } {
  let loading: Promise<CrmUi> | undefined;
  const load = () =>
    (loading ??= (async () => {
      if (!factory()) await sendToBackground('crm→bg:load-detector', { part: 'ui' });
      const create = factory();
      if (!create) throw new Error('the CRM page UI did not load');
      return create(options);
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  /** The part if it is loaded or loading, without loading it (nothing to dismiss before it is). */
  load.loaded = () => loading;
  return load;
}
