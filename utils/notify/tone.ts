import { browser } from 'wxt/browser';
import { request } from '../messaging/client';
import { playHere } from './play-here';

const TONE_PATH = '/sounds/chat-request.wav';
const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Plays the alert tone. Firefox's background is a page with a DOM, so it plays there; Chrome's
 * service worker has no audio, so it asks the offscreen document (created on first use; Chrome
 * closes an audio-only one after 30 s of silence, so it is recreated as needed).
 */
export async function playTone(volume: number): Promise<void> {
  const url = browser.runtime.getURL(TONE_PATH);
  if (import.meta.env.FIREFOX) return playHere(url, volume);
  await ensureOffscreenDocument();
  await request('bg→offscreen:play-tone', { url, volume });
}

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  // Single-flight: Chrome allows one offscreen document, and two arrivals may race to create it.
  creating ??= browser.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['AUDIO_PLAYBACK'], justification: 'Plays the alert tone when a customer texts the agent.' })
    .finally(() => {
      creating = null;
    });
  await creating;
}
