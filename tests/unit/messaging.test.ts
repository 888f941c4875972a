import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '../../utils/messaging/router';
import { PbxError } from '../../utils/pbx/errors';

const ID = 'test-extension-id';
const BASE = `chrome-extension://${ID}/`;
const panelPage = { id: ID, url: `${BASE}panel.html?number=%2B15035550142` };
const dockFrame = { ...panelPage, tab: { id: 3 } as never, frameId: 7 };
const contentScript = { id: ID, url: 'http://localhost:5173/cases/1001', tab: { id: 3 } as never };

function handlers(): Handlers {
  return {
    'options→bg:connect': vi.fn(async () => ({ agent: { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const } })),
    'options→bg:disconnect': vi.fn(async () => ({})),
    'panel→bg:open-number': vi.fn(async () => ({ conversationId: 'c1' })),
    'panel→bg:load-messages': vi.fn(async () => ({})),
    'panel→bg:send-reply': vi.fn(async () => ({ messageId: 'k1' })),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('router', () => {
  it('runs the handler for a valid message from an extension page', async () => {
    const h = handlers();
    const route = createRouter(h, ID, BASE);
    const reply = await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'Hi' } }, panelPage);
    expect(reply).toEqual({ ok: true, value: { messageId: 'k1' } });
    expect(h['panel→bg:send-reply']).toHaveBeenCalledWith({ conversationId: 'c1', body: 'Hi' }, panelPage);
  });

  it('accepts the panel docked in a CRM tab: its URL is still the extension', async () => {
    const route = createRouter(handlers(), ID, BASE);
    expect(await route({ name: 'panel→bg:open-number', payload: { number: '+15035550142' } }, dockFrame)).toEqual({ ok: true, value: { conversationId: 'c1' } });
  });

  it('uses the real extension id and origin by default', async () => {
    const route = createRouter(handlers());
    expect(await route({ name: 'options→bg:disconnect', payload: {} }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') })).toEqual({ ok: true, value: {} });
  });

  it('rejects a malformed payload without running the handler', async () => {
    const h = handlers();
    const route = createRouter(h, ID, BASE);
    const reply = await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: '   ' } }, panelPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(h['panel→bg:send-reply']).not.toHaveBeenCalled();
  });

  it.each([
    ['not an envelope', 'hello'],
    ['an unknown name', { name: 'panel→bg:delete-everything', payload: {} }],
    ['an inherited property as name', { name: 'toString', payload: {} }],
  ])('drops %s silently', async (_, message) => {
    const route = createRouter(handlers(), ID, BASE);
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
    const route = createRouter(h, ID, BASE);
    expect(await route({ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'Hi' } }, sender)).toBeUndefined();
    expect(h['panel→bg:send-reply']).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'), expect.anything());
  });

  it('turns connector failures into explainable error codes', async () => {
    const h = handlers();
    h['options→bg:connect'] = async () => {
      throw new PbxError('invalid_credentials', 'Wrong login');
    };
    const route = createRouter(h, ID, BASE);
    const reply = await route({ name: 'options→bg:connect', payload: { serverUrl: 'http://127.0.0.1:8787', extension: '201', password: 'x' } }, { id: ID, url: `${BASE}options.html` });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_credentials', message: 'Wrong login' } });
  });
});
