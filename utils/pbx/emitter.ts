/** A tiny typed event emitter, so connectors stay free of DOM or extension APIs. */
export class Emitter<Events extends object> {
  private listeners = new Map<keyof Events, Set<(value: never) => void>>();

  on<K extends keyof Events>(kind: K, listener: (value: Events[K]) => void): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  emit<K extends keyof Events>(kind: K, value: Events[K]): void {
    for (const listener of this.listeners.get(kind) ?? []) (listener as (value: Events[K]) => void)(value);
  }
}
