import { useEffect } from 'preact/hooks';

/**
 * Keeps what is at the bottom of a scroller in place when the scroller itself is resized: the
 * composer gains its To/From row once the send options arrive, a banner appears, the dock is made
 * shorter. A browser keeps the top in place, which in a thread (newest at the bottom) pushes the
 * newest messages out of sight, and the virtualizer only follows changes of its content.
 */
export function useBottomAnchoredResize(scroller: () => HTMLElement | null | undefined): void {
  useEffect(() => {
    const element = scroller();
    if (!element) return;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      const shrunk = height - element.clientHeight;
      height = element.clientHeight;
      if (shrunk !== 0) element.scrollTop += shrunk;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
}
