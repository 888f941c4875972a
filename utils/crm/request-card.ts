import { t } from '../i18n';
import type { ChatRequest, FoundCase } from './case-protocol';
import { createPageOverlay, type PageOverlay } from './page-overlay';

const css = `
  .stack {
    position: fixed; bottom: 16px; left: 16px; z-index: 2147483647;
    display: flex; flex-direction: column; gap: 8px; width: min(340px, calc(100vw - 32px));
    font: 14px/1.4 system-ui, sans-serif; color-scheme: light dark;
  }
  section {
    background: Canvas; color: CanvasText; border-radius: 10px; padding: 12px 14px;
    border: 1px solid color-mix(in srgb, CanvasText 18%, transparent); box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  }
  h2 { font-size: 15px; margin: 0 0 2px; }
  .call-id { font-variant-numeric: tabular-nums; opacity: 0.8; margin: 0 0 6px; }
  .preview { margin: 0 0 10px; overflow-wrap: anywhere; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; }
  button {
    font: 600 13px/1 system-ui, sans-serif; padding: 8px 12px; border-radius: 6px; cursor: pointer;
    border: 1px solid #2f6f5e; background: transparent; color: inherit;
  }
  button.primary { background: #2f6f5e; color: #fff; }
`;

export interface RequestCardActions {
  answer: (conversationId: string) => void;
  /** null: create a new case. */
  choose: (conversationId: string, caseUrl: string | null) => void;
}

function button(text: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (primary) element.className = 'primary';
  element.addEventListener('click', onClick);
  return element;
}

/**
 * The in-page chat request (seed 004's "SMS Chat Request" with its Call ID), beside the system
 * notification, which a headless or focus-assist browser may never show: its Answer runs the same
 * flow in the background. Also where the agent picks "Continue case #…" or "Create new case". Every
 * text from the customer goes in as textContent, never as markup.
 */
export function createRequestCards(actions: RequestCardActions) {
  let ui: PageOverlay<HTMLElement> | undefined;
  const cards = new Map<string, HTMLElement>();

  function stack(): HTMLElement {
    ui ??= createPageOverlay('parley-requests', css, (container) => {
      const element = document.createElement('div');
      element.className = 'stack';
      container.append(element);
      return element;
    });
    if (!ui.mounted) ui.mount();
    return ui.content;
  }

  async function show(request: ChatRequest, buttons: HTMLButtonElement[]): Promise<void> {
    dismiss(request.conversationId);
    const card = document.createElement('section');
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', request.title);
    const title = document.createElement('h2');
    title.textContent = request.title;
    const callId = document.createElement('p');
    callId.className = 'call-id';
    callId.textContent = t('notif_callId', request.callId);
    const preview = document.createElement('p');
    preview.className = 'preview';
    preview.textContent = request.preview;
    const row = document.createElement('div');
    row.className = 'actions';
    row.append(...buttons);
    card.append(title, callId, preview, row);
    cards.set(request.conversationId, card);
    stack().append(card);
  }

  function dismiss(conversationId: string): void {
    cards.get(conversationId)?.remove();
    cards.delete(conversationId);
  }

  return {
    dismiss,
    request: (request: ChatRequest) =>
      show(request, [button(t('cardAnswer'), true, () => (dismiss(request.conversationId), actions.answer(request.conversationId)))]),
    offer: (request: ChatRequest, cases: FoundCase[]) =>
      show(request, [
        ...cases.map((found, index) =>
          button(t('cardContinueCase', found.id), index === 0, () => (dismiss(request.conversationId), actions.choose(request.conversationId, found.url))),
        ),
        button(t('cardNewCase'), cases.length === 0, () => (dismiss(request.conversationId), actions.choose(request.conversationId, null))),
      ]),
  };
}
