// Stands in for the background end of the panel's presence port in component tests: records what
// the panel reports and lets a test send "show this conversation".
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function fakeBackgroundPort() {
  const reports: unknown[] = [];
  const toPanel = new Set<(message: unknown) => void>();
  const port = {
    name: 'panel→bg:presence',
    postMessage: (message: unknown) => reports.push(message),
    onMessage: { addListener: (listener: (message: unknown) => void) => toPanel.add(listener) },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  // WXT's fake browser has no runtime.connect; the panel's presence port gets this one.
  (fakeBrowser.runtime as unknown as { connect: () => typeof port }).connect = vi.fn(() => port);
  return {
    reports,
    show: (conversationId: string) => toPanel.forEach((listener) => listener({ op: 'show', conversationId })),
  };
}
