import { useEffect } from 'preact/hooks';

/**
 * Keeps what is at the bottom of a scroller in place when the scroller itself is resized: the
 * composer gains its To/From row once the send options arrive, a banner appears, the dock is made
 * shorter or taller. A browser keeps the top in place, which in a thread (newest at the bottom)
 * pushes the newest messages out of sight, and the virtualizer only follows changes of its content.
 *
 * The bottom is remembered as it was before the resize (where the scroller last scrolled to): by the
 * time the resize is observed the browser may already have moved the scroll position, as it does
 * when a scroller at its end grows, and a shift by the change of height would then count it twice.
 */
export function useBottomAnchoredResize(scroller: () => HTMLElement | null | undefined): void {
  useEffect(() => {
    const element = scroller();
    if (!element) return;
    let height = element.clientHeight;
    let bottom = element.scrollTop + height;
    const onScroll = () => {
      bottom = element.scrollTop + element.clientHeight;
    };
    const observer = new ResizeObserver(() => {
      if (element.clientHeight === height) return;
      height = element.clientHeight;
      element.scrollTop = bottom - height;
      onScroll();
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);
}
