import { browser } from 'wxt/browser';

/**
 * Plays one of the extension's own sounds in this document. Only packaged files: the URL comes in a
 * message, so anything outside the extension is refused rather than fetched.
 */
export async function playHere(url: string, volume: number): Promise<void> {
  if (!url.startsWith(browser.runtime.getURL('/'))) throw new Error('Only the extension’s own sounds are played');
  const audio = new Audio(url);
  audio.volume = volume;
  await audio.play();
}
