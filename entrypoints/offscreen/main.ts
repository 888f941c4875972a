import { browser } from 'wxt/browser';
import { protocol } from '../../utils/messaging/protocol';
import { createRouter } from '../../utils/messaging/router';
import { playHere } from '../../utils/notify/play-here';

const route = createRouter('offscreen', protocol, {
  'bg→offscreen:play-tone': async ({ url, volume }) => {
    await playHere(url, volume);
    return {};
  },
});
browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
