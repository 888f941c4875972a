import { browser } from 'wxt/browser';
import { db } from '../db/database';
import { protocol } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { conversationOfNotification } from '../notify/chat-notification';
import { Notifier } from '../notify/notifier';
import { openTransferred } from '../notify/transfer-notification';
import { playTone } from '../notify/tone';
import { ParleyConnector } from '../pbx/parley';
import { panelRequestItem, sessionItem } from '../settings';
import { keepBadgeCurrent } from './badge-keeper';
import { startCaseFlow } from './case-start';
import { serviceHandlers } from './handlers';
import { serveLiveQueries } from './live-bridge';
import { openConversation } from './open-conversation';
import { OpenPanels } from './panels';
import { ParleyService } from './service';
import { WorkspaceActions } from './workspace-actions';
import { workspaceHandlers } from './workspace-handlers';
import { openSidePanelOnActionClick } from './side-panel';
import { keepSessionAlive } from './watchdog';

/**
 * Everything the background runs, wired once per service-worker start. Every listener is added
 * synchronously: an event that wakes a stopped worker is only delivered to listeners registered in
 * its first turn.
 */
export function startBackground(): void {
  const database = db();
  const panels = new OpenPanels();
  const notifier = new Notifier({
    agentId: async () => (await sessionItem.getValue())?.agent.id ?? null,
    isShowing: (id) => panels.isShowing(id),
    playTone,
  });
  const cases = startCaseFlow(database, panels);
  const connector = new ParleyConnector();
  const workspace = new WorkspaceActions(database, connector, async () => (await sessionItem.getValue())?.agent.id ?? null);
  const service = new ParleyService(database, connector, {
    onArrivals: (arrivals) => {
      void notifier.announce(arrivals);
      void cases.flow.announce(arrivals).catch((error: unknown) => console.warn('[parley] could not show the chat request', error));
    },
  });

  const route = createRouter('bg', protocol, { ...serviceHandlers(service, playTone), ...cases.handlers, ...workspaceHandlers(workspace) });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  serveLiveQueries(database);
  panels.serve();
  panels.onConnected((panel) => {
    void panelRequestItem.getValue().then(async (request) => {
      if (!request) return;
      await panelRequestItem.setValue(null);
      panel.show(request.conversationId);
    });
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    void openTransferred(notificationId, (id) => openConversation(id, panels)).catch((error: unknown) => console.warn('[parley] could not open the transferred conversation', error));
    const conversationId = conversationOfNotification(notificationId);
    if (!conversationId) return;
    void browser.notifications.clear(notificationId);
    // The same answer flow as the chat-request card in the CRM page (case pop, seed 004).
    void cases.flow.answer(conversationId).catch((error: unknown) => console.warn('[parley] could not answer', error));
  });
  keepBadgeCurrent(database, service);
  const resume = () => service.resume().catch((error: unknown) => console.error('[parley] could not resume the session', error));
  keepSessionAlive(resume);
  // The network is back: skip whatever is left of the reconnect delay.
  globalThis.addEventListener?.('online', () => void service.reconnectNow().catch(() => undefined));
  void openSidePanelOnActionClick();
  void resume();
}
