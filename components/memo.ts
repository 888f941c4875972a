import { h, type Component, type FunctionComponent } from 'preact';

/** Whether two props objects differ in any key, each value compared by identity (React.memo's test). */
function propsDiffer(previous: object, next: object): boolean {
  const a = previous as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}

function shouldUpdate(this: Component, next: object): boolean {
  return propsDiffer(this.props, next);
}

/**
 * `component`, rendered again only when one of its props changed: React.memo as preact/compat
 * builds it (a wrapper whose shouldComponentUpdate compares the props, around the component, which
 * keeps its own hooks and signal subscriptions). Not imported from preact/compat: importing compat
 * installs a hook that rewrites the props of every element the page renders for React's names
 * (className, onChange on text fields…), which the panel does not use; a CPU profile of opening a
 * thread put that hook at ~1.7 ms of rendering its rows.
 */
export function memo<P extends object>(component: FunctionComponent<P>): FunctionComponent<P> {
  function Memoized(this: Component<P>, props: P) {
    this.shouldComponentUpdate = shouldUpdate;
    return h(component, props);
  }
  Memoized.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memoized;
}
