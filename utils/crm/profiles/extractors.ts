import { formValue } from './labels';
import type { Extractor } from './schema';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

const BLOCKS = new Set(['div', 'p', 'li', 'address', 'tr']);

/** An element's text with its line breaks (<br>, block children), which textContent drops. */
function textWithBreaks(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    else if (node.nodeType !== Node.ELEMENT_NODE) continue;
    else if (node.nodeName === 'BR') text += '\n';
    else if (BLOCKS.has((node as Element).localName)) text += `\n${textWithBreaks(node as Element)}\n`;
    else text += textWithBreaks(node as Element);
  }
  return text;
}

/** A multi-line value (an address textarea or block) on one line: "14 rue de Rivoli, 75004 Paris". */
export function joinedLines(field: Element | null | undefined): string | null {
  if (!field) return null;
  return lines(formValue(field) ?? textWithBreaks(field)).join(', ') || null;
}

/** The first element the selector finds, its lines joined. */
export const joinedLinesAt = (selector: string): Extractor => (scope) => joinedLines(scope.querySelector(selector));

/** Every element the selector finds (address parts rendered one per element), joined. */
export const joinedTextsAt = (selector: string): Extractor => (scope) =>
  [...scope.querySelectorAll(selector)].map(joinedLines).filter(Boolean).join(', ') || null;
