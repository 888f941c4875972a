// happy-dom has no layout: every box is 0×0 and nothing scrolls, so a virtualized list would show
// nothing. Give the thread's scroller a viewport, its rows a height, and make it scroll (clamped to
// its content, with a scroll event) as a browser would.
import { afterEach, vi } from 'vitest';

export function installThreadLayout({ viewport = 400, row = 40 } = {}): void {
  const isScroller = (element: Element) => element.classList.contains('thread');
  // The virtualized items are pages of messages: a page is as tall as its rows.
  const isPage = (element: Element) => element.classList.contains('thread__page');
  const pageHeight = (element: Element) => element.children.length * row;
  const contentHeight = (element: HTMLElement) => parseFloat(element.querySelector<HTMLElement>('.thread__list')?.style.height ?? '0') || 0;
  const offsets = new WeakMap<Element, number>();

  const original = HTMLElement.prototype.getBoundingClientRect;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = (height: number) => ({ x: 0, y: 0, top: 0, left: 0, right: 600, bottom: height, width: 600, height, toJSON: () => ({}) }) as DOMRect;
    if (isScroller(this)) return box(viewport);
    if (isPage(this)) return box(pageHeight(this));
    return original.call(this);
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? viewport : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? viewport : isPage(this) ? pageHeight(this) : 0;
  });
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? Math.max(viewport, contentHeight(this as HTMLElement)) : 0;
  });
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return offsets.get(this) ?? 0;
  });
  const scrollTo = function (this: Element, top: number) {
    const max = Math.max(0, this.scrollHeight - viewport);
    offsets.set(this, Math.min(Math.max(0, top), max));
    this.dispatchEvent(new Event('scroll'));
  };
  vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (this: Element, top: number) {
    scrollTo.call(this, top);
  });
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (this: Element, options?: ScrollToOptions | number) {
    scrollTo.call(this, typeof options === 'number' ? options : (options?.top ?? 0));
  } as Element['scrollTo']);
  afterEach(() => vi.restoreAllMocks());
}
