import type { ParleyDb } from '../db/database';
import type { PbxConnector } from '../pbx/connector';
import { SyncEngine, type SyncEngineOptions } from './engine';

/**
 * The sync engine fed by a connector: its events go into the engine, "synced" marks where the
 * backlog ends, and the engine holds the stream back while it stores a large backlog.
 * `onCaughtUp` runs once everything up to the "synced" point is stored (the outbox flushes then).
 */
export function syncFrom(
  connector: Pick<PbxConnector, 'on' | 'pauseEvents' | 'resumeEvents'>,
  db: ParleyDb,
  options: Omit<SyncEngineOptions, 'onBackpressure'> & { onCaughtUp?: () => void },
): SyncEngine {
  const engine = new SyncEngine(db, {
    ...options,
    onBackpressure: (stop) => (stop ? connector.pauseEvents() : connector.resumeEvents()),
  });
  connector.on('event', (event) => engine.push(event));
  connector.on('synced', ({ cursor }) => {
    engine.caughtUp(cursor);
    void engine.idle().then(() => options.onCaughtUp?.());
  });
  return engine;
}
