import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { crmProtocol } from '../../utils/messaging/crm-protocol';
import { protocol } from '../../utils/messaging/protocol';
import { createRouter, type Handlers } from '../../utils/messaging/router';
import { workspaceProtocol, type WorkspaceMessage } from '../../utils/messaging/workspace-protocol';
import { PbxError } from '../../utils/pbx/errors';

const ID = 'test-extension-id';
const BASE = `chrome-extension://${ID}/`;
const panelPage = { id: ID, url: `${BASE}panel.html?number=%2B15035550142` };
const dockFrame = { ...panelPage, tab: { id: 3 } as never, frameId: 7 };
const contentScript = { id: ID, url: 'http://localhost:5173/cases/1001', tab: { id: 3 } as never };

function handlers(): Handlers<'bg'> {
  return {
    'options→bg:connect': vi.fn(async () => ({ agent: { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const } })),
    'options→bg:disconnect': vi.fn(async () => ({})),
    'options→bg:play-tone': vi.fn(async () => ({})),
    'page→bg:reconnect-now': vi.fn(async () => ({})),
    'panel→bg:open-number': vi.fn(async () => ({ conversationId: 'c1' })),
    'panel→bg:load-messages': vi.fn(async () => ({})),
    'panel→bg:send-reply': vi.fn(async () => ({ messageIds: ['k1'] })),
    'panel→bg:retry-message': vi.fn(async () => ({ messageId: 'k2' })),
    'panel→bg:delete-message': vi.fn(async () => ({})),
    'panel→bg:mark-read': vi.fn(async () => ({})),
    'crm→bg:load-detector': vi.fn(async () => ({})),
    'crm→bg:case-on-screen': vi.fn(async () => ({})),
    'crm→bg:answer-chat': vi.fn(async () => ({})),
    'crm→bg:choose-case': vi.fn(async () => ({})),
    'crm→bg:log-to-case': vi.fn(async () => ({ text: null, count: 0 })),
    // The workspace messages have tests of their own (workspace-protocol.test.ts).
    ...(Object.fromEntries(Object.keys(workspaceProtocol).map((name) => [name, vi.fn(async () => ({}))])) as unknown as Pick<Handlers<'bg'>, WorkspaceMessage>),
  };
}

/** The CRM content script's handlers, with `openDock` under test and the others idle. */
function crmHandlers(openDock: Handlers<'crm'>['bg→crm:open-dock']): Handlers<'crm'> {
  const idle = async () => ({});
  return {
    'bg→crm:open-dock': openDock,
    'bg→crm:ping': idle,
    'bg→crm:toggle-dock': idle,
    'bg→crm:chat-request': idle,
    'bg→crm:offer-cases': idle,
    'bg→crm:dismiss-request': idle,
    'bg→crm:search-cases': async () => ({ cases: [] }),
    'bg→crm:new-case-url': async () => ({ url: 'http://127.0.0.1/cases/new' }),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('router', () => {
  it('runs the handler for a valid message from an extension page', async () => {
    const h = handlers();
    const route = createRouter('bg', protocol, h, ID, BASE);
    const reply = await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'Hi' } }, panelPage);
    expect(reply).toEqual({ ok: true, value: { messageIds: ['k1'] } });
    expect(h['panel→bg:send-reply']).toHaveBeenCalledWith({ conversationId: 'c1', body: 'Hi' }, panelPage);
  });

  it('accepts the panel docked in a CRM tab: its URL is still the extension', async () => {
    const route = createRouter('bg', protocol, handlers(), ID, BASE);
    expect(await route({ name: 'panel→bg:open-number', payload: { number: '+15035550142' } }, dockFrame)).toEqual({ ok: true, value: { conversationId: 'c1' } });
  });

  it('uses the real extension id and origin by default', async () => {
    const route = createRouter('bg', protocol, handlers());
    expect(await route({ name: 'options→bg:disconnect', payload: {} }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') })).toEqual({ ok: true, value: {} });
  });

  it('rejects a malformed payload without running the handler', async () => {
    const h = handlers();
    const route = createRouter('bg', protocol, h, ID, BASE);
    const reply = await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: '   ' } }, panelPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(h['panel→bg:send-reply']).not.toHaveBeenCalled();
  });

  it.each([
    ['not an envelope', 'hello'],
    ['an unknown name', { name: 'panel→bg:delete-everything', payload: {} }],
    ['an inherited property as name', { name: 'toString', payload: {} }],
  ])('drops %s silently', async (_, message) => {
    const route = createRouter('bg', protocol, handlers(), ID, BASE);
    expect(await route(message, panelPage)).toBeUndefined();
    expect(console.warn).toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'evil-extension', url: 'chrome-extension://evil-extension/page.html' }],
    ['a content script (page context) sending a panel command', contentScript],
    ['a sender without URL', { id: ID }],
    ['a look-alike URL of another extension id', { id: ID, url: `chrome-extension://${ID}-evil/panel.html` }],
  ])('rejects %s', async (_, sender) => {
    const h = handlers();
    const route = createRouter('bg', protocol, h, ID, BASE);
    expect(await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'Hi' } }, sender)).toBeUndefined();
    expect(h['panel→bg:send-reply']).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'), expect.anything());
  });

  it('turns connector failures into explainable error codes', async () => {
    const h = handlers();
    h['options→bg:connect'] = async () => {
      throw new PbxError('invalid_credentials', 'Wrong login');
    };
    const route = createRouter('bg', protocol, h, ID, BASE);
    const reply = await route({ name: 'options→bg:connect', payload: { serverUrl: 'http://127.0.0.1:8787', extension: '201', password: 'x' } }, { id: ID, url: `${BASE}options.html` });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_credentials', message: 'Wrong login' } });
  });
});

describe('routers of other runtimes', () => {
  const serviceWorker = { id: ID, url: `${BASE}background.js` };

  it('leaves a message addressed to another runtime unanswered, synchronously, so the addressee answers it', () => {
    vi.mocked(console.warn).mockClear();
    const h = handlers();
    const offscreen = createRouter('offscreen', protocol, { 'bg→offscreen:play-tone': vi.fn(async () => ({})) }, ID, BASE);
    const route = createRouter('bg', protocol, h, ID, BASE);
    // runtime.sendMessage reaches every extension page: a promise here would answer for the background.
    expect(offscreen({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'Hi' } }, panelPage)).toBeUndefined();
    expect(route({ name: 'bg→offscreen:play-tone', payload: { url: `${BASE}sounds/a.wav`, volume: 1 } }, serviceWorker)).toBeUndefined();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('lets the background drive the offscreen document and the CRM content script', async () => {
    const play = vi.fn(async () => ({}));
    const openDock = vi.fn(async () => ({}));
    const offscreen = createRouter('offscreen', protocol, { 'bg→offscreen:play-tone': play }, ID, BASE);
    const crm = createRouter('crm', crmProtocol, crmHandlers(openDock), ID, BASE);
    expect(await offscreen({ name: 'bg→offscreen:play-tone', payload: { url: `${BASE}sounds/a.wav`, volume: 0.5 } }, serviceWorker)).toEqual({ ok: true, value: {} });
    expect(await crm({ name: 'bg→crm:open-dock', payload: { conversationId: 'c1' } }, serviceWorker)).toEqual({ ok: true, value: {} });
    expect(play).toHaveBeenCalledOnce();
    expect(openDock).toHaveBeenCalledWith({ conversationId: 'c1' }, serviceWorker);
  });

  it.each([
    ['another extension', { id: 'evil-extension', url: 'chrome-extension://evil-extension/background.js' }],
    ['a page without our id', { url: 'http://localhost:5173/cases/1001', tab: { id: 3 } as never }],
  ])('rejects and logs a background command from %s', async (_, sender) => {
    const openDock = vi.fn(async () => ({}));
    const crm = createRouter('crm', crmProtocol, crmHandlers(openDock), ID, BASE);
    expect(await crm({ name: 'bg→crm:open-dock', payload: { conversationId: 'c1' } }, sender)).toBeUndefined();
    expect(openDock).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'), expect.anything());
  });
});
