import { useEffect } from 'preact/hooks';

/**
 * Keeps what is at the bottom of a scroller in place when the scroller itself is resized: the
 * composer gains its To/From row once the send options arrive, a banner appears, the dock is made
 * shorter, taller or narrower. A browser keeps the top in place, which in a thread (newest at the
 * bottom) pushes the newest messages out of sight, and the virtualizer only follows changes of its
 * content.
 *
 * A scroller at its end (within endThreshold px) goes back to its end: a narrower one's content
 * wraps anew and grows, and a taller one at its end has already been scrolled back by the browser.
 * Any other is shifted by the change of height, so the content at its bottom stays there. Whether
 * it was at its end is known from its last scroll event, which lags a scroll the page made in the
 * same frame (the virtualizer's own, while a thread opens): the shift is what is right then too.
 */
export function useBottomAnchoredResize(scroller: () => HTMLElement | null | undefined, endThreshold: number): void {
  useEffect(() => {
    const element = scroller();
    if (!element) return;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const fromEnd = () => element.scrollHeight - element.scrollTop - element.clientHeight;
    let atEnd = fromEnd() <= endThreshold;
    const onScroll = () => {
      atEnd = fromEnd() <= endThreshold;
    };
    const observer = new ResizeObserver(() => {
      if (element.clientHeight === height && element.clientWidth === width) return;
      const grown = element.clientHeight - height;
      width = element.clientWidth;
      height = element.clientHeight;
      if (atEnd || (grown > 0 && fromEnd() <= 1)) element.scrollTop = element.scrollHeight;
      else element.scrollTop -= grown;
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
