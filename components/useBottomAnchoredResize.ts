import { useEffect } from 'preact/hooks';

/**
 * Keeps what is at the bottom of a scroller in place when the scroller itself is resized: the
 * composer gains its To/From row once the send options arrive, a banner appears, the dock is made
 * shorter, taller or narrower. A browser keeps the top in place, which in a thread (newest at the
 * bottom) pushes the newest messages out of sight, and the virtualizer only follows changes of its
 * content.
 *
 * Where the bottom was is remembered from the last scroll: by the time the resize is observed the
 * browser may already have moved the scroll position (a scroller at its end that grows), and a
 * narrower scroller's content wraps anew. A scroller that was at its end (within endThreshold px)
 * goes back to its end; otherwise the content at its bottom stays there.
 */
export function useBottomAnchoredResize(scroller: () => HTMLElement | null | undefined, endThreshold: number): void {
  useEffect(() => {
    const element = scroller();
    if (!element) return;
    let width = element.clientWidth;
    let height = element.clientHeight;
    let bottom = 0;
    let atEnd = true;
    const remember = () => {
      bottom = element.scrollTop + element.clientHeight;
      atEnd = element.scrollHeight - bottom <= endThreshold;
    };
    remember();
    const observer = new ResizeObserver(() => {
      if (element.clientHeight === height && element.clientWidth === width) return;
      width = element.clientWidth;
      height = element.clientHeight;
      element.scrollTop = atEnd ? element.scrollHeight : bottom - height;
      remember();
    });
    element.addEventListener('scroll', remember, { passive: true });
    observer.observe(element);
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', remember);
    };
  }, []);
}
