import { action, createModel, effect, signal } from '@preact/signals';
import { request } from '../messaging/client';
import { ConnectionStateSchema, type ConnectionState } from '../model/connection';
import { connectionItem, sessionItem } from '../settings';
import type { Agent } from '../model/agent';

/** The background's connection state and signed-in agent, as signals for any page. */
export const ConnectionModel = createModel(() => {
  const state = signal<ConnectionState>({ status: 'connecting' });
  const agent = signal<Agent | null>(null);
  /** Ticks every second so "retrying in N s" counts down. */
  const now = signal(Date.now());

  const setState = (value: unknown) => {
    const parsed = ConnectionStateSchema.safeParse(value);
    if (parsed.success) state.value = parsed.data;
  };
  effect(() => {
    void connectionItem.getValue().then(setState);
    return connectionItem.watch(setState);
  });
  effect(() => {
    const setAgent = (session: { agent: Agent } | null) => (agent.value = session?.agent ?? null);
    void sessionItem.getValue().then(setAgent);
    return sessionItem.watch(setAgent);
  });
  effect(() => {
    const timer = setInterval(() => (now.value = Date.now()), 1_000);
    return () => clearInterval(timer);
  });

  /** "Retry now" while offline: the background skips the rest of its reconnect delay. */
  const retryNow = action(async () => {
    await request('page→bg:reconnect-now', {}).catch((error: unknown) => console.warn('[parley] retry failed', error));
  });

  return { state, agent, now, retryNow };
});
