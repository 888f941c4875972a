import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openSidePanelOnActionClick } from '../../utils/background/side-panel';
import { serviceHandlers } from '../../utils/background/handlers';
import { ParleyService } from '../../utils/background/service';
import { serveLiveQueries } from '../../utils/background/live-bridge';
import { db } from '../../utils/db/database';
import { createRouter } from '../../utils/messaging/router';
import { ParleyConnector } from '../../utils/pbx/parley';

export default defineBackground(() => {
  const service = new ParleyService(db(), new ParleyConnector());
  const route = createRouter(serviceHandlers(service));
  // Registered synchronously so a message that wakes the service worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  serveLiveQueries(db());
  void openSidePanelOnActionClick();
  // Runs on browser start and on every service-worker wake-up: resume the stored session, if any.
  void service.resume();
});
