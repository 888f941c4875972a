import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openConversation } from '../../utils/background/open-conversation';
import { OpenPanels, type PresencePort } from '../../utils/background/panels';
import { panelRequestItem } from '../../utils/settings';
import { connectPresence } from '../../utils/ui/presence';

type Listener = (message: unknown) => void;

/** Both ends of a presence port, delivering synchronously; `sender` as the browser would set it. */
function portPair(sender: PresencePort['sender'] = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html') }) {
  const toBackground = new Set<Listener>();
  const toPanel = new Set<Listener>();
  const panelGone = new Set<() => void>();
  const backgroundGone = new Set<() => void>();
  const background = {
    sender,
    postMessage: (message: unknown) => toPanel.forEach((listener) => listener(JSON.parse(JSON.stringify(message)))),
    onMessage: { addListener: (listener: Listener) => toBackground.add(listener) },
    onDisconnect: { addListener: (listener: () => void) => backgroundGone.add(listener) },
    disconnect: () => panelGone.forEach((listener) => listener()),
  } as unknown as PresencePort;
  const panel = {
    postMessage: (message: unknown) => toBackground.forEach((listener) => listener(JSON.parse(JSON.stringify(message)))),
    onMessage: { addListener: (listener: Listener) => toPanel.add(listener) },
    onDisconnect: { addListener: (listener: () => void) => panelGone.add(listener) },
    disconnect: () => backgroundGone.forEach((listener) => listener()),
  } as unknown as PresencePort;
  return { background, panel };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('open panels (presence)', () => {
  it('knows which conversation a visible panel shows', () => {
    const panels = new OpenPanels();
    const { background, panel } = portPair();
    panels.attach(background);
    panel.postMessage({ op: 'view', conversationId: 'c1', visible: true });
    expect(panels.isShowing('c1')).toBe(true);
    panel.postMessage({ op: 'view', conversationId: 'c1', visible: false });
    expect(panels.isShowing('c1')).toBe(false);
    panel.postMessage({ op: 'view', conversationId: 'c2', visible: true });
    panel.disconnect();
    expect(panels.isShowing('c2')).toBe(false);
  });

  it('ignores malformed presence messages', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const panels = new OpenPanels();
    const { background, panel } = portPair();
    panels.attach(background);
    panel.postMessage({ op: 'view', conversationId: 42, visible: 'yes' });
    expect(panels.isShowing('42')).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('shows a conversation in the panel seen last, bringing its tab forward', async () => {
    let clock = 0;
    const panels = new OpenPanels(() => ++clock);
    const older = portPair({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html'), tab: { id: 4, windowId: 1 } as never });
    const newer = portPair({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html'), tab: { id: 5, windowId: 1 } as never });
    panels.attach(older.background);
    panels.attach(newer.background);
    older.panel.postMessage({ op: 'view', conversationId: null, visible: true });
    newer.panel.postMessage({ op: 'view', conversationId: null, visible: true });
    const shown: string[] = [];
    newer.panel.onMessage.addListener((message) => shown.push((message as { conversationId: string }).conversationId));
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(undefined as never);

    expect(await panels.show('c9')).toBe(true);
    expect(shown).toEqual(['c9']);
    expect(update).toHaveBeenCalledWith(5, { active: true });
  });
});

describe('opening a conversation from a notification', () => {
  it('uses an open panel when there is one', async () => {
    const panels = new OpenPanels();
    const { background, panel } = portPair();
    panels.attach(background);
    const shown: unknown[] = [];
    panel.onMessage.addListener((message) => shown.push(message));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openConversation('c1', panels);
    expect(shown).toEqual([{ op: 'show', conversationId: 'c1' }]);
    expect(create).not.toHaveBeenCalled();
  });

  it('asks the CRM page in the active tab to dock it', async () => {
    const crmTab = { id: 7, windowId: 1, url: 'http://localhost:5173/cases/1001', active: true };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([crmTab as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: {} });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openConversation('c1', new OpenPanels());
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(send).toHaveBeenCalledWith(crmTab.id, { name: 'bg→crm:open-dock', payload: { conversationId: 'c1' } });
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the panel in a tab on that conversation when nothing else can show it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openConversation('c 1', new OpenPanels());
    expect(create).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/panel.html')}?conversation=c+1` });
    expect(await panelRequestItem.getValue()).toBeNull();
  });
});

describe('the panel side of the presence port', () => {
  it('reports its view, obeys "show", and reconnects with its last view when the background restarts', async () => {
    const panels = new OpenPanels();
    let current = portPair();
    panels.attach(current.background);
    const connect = vi.fn(() => current.panel);
    const shown: string[] = [];
    const presence = connectPresence({ onShow: (id) => shown.push(id), shouldReconnect: async () => true, connect, reconnectDelayMs: 0 });
    presence.report({ conversationId: 'c1', visible: true });
    expect(panels.isShowing('c1')).toBe(true);

    // The service worker stops: a new background with an empty registry takes the next port.
    const restarted = new OpenPanels();
    const dropped = current;
    current = portPair();
    restarted.attach(current.background);
    dropped.background.disconnect();
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(2));
    expect(restarted.isShowing('c1')).toBe(true);

    await restarted.show('c2');
    expect(shown).toEqual(['c2']);
    presence.close();
  });

  it('does not reconnect (and so does not wake the background) when no session should run', async () => {
    const { background, panel } = portPair();
    const connect = vi.fn(() => panel);
    const shouldReconnect = vi.fn(async () => false);
    connectPresence({ onShow: () => undefined, shouldReconnect, connect, reconnectDelayMs: 0 });
    background.disconnect();
    await vi.waitFor(() => expect(shouldReconnect).toHaveBeenCalled());
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
