import { graphemes } from './graphemes';

/** The legacy per-message limit the CRM telephony panel enforces (seed 004). */
export const LEGACY_MESSAGE_CHARACTERS = 140;

const isWhitespace = (cluster: string): boolean => /^\s+$/u.test(cluster);

/**
 * Splits a long text into separate messages of at most `maxChars` user-perceived characters,
 * breaking at the last whitespace that keeps a part within the limit. Only a single word longer
 * than the limit is cut, and then between grapheme clusters, never inside one. The whitespace at
 * a break is dropped; newlines inside a part are kept.
 */
export function splitForSending(text: string, maxChars = LEGACY_MESSAGE_CHARACTERS): string[] {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  const parts: string[] = [];
  let rest = trim(graphemes(text));
  while (rest.length > maxChars) {
    const breakAt = lastWhitespaceWithin(rest, maxChars);
    const cut = breakAt > 0 ? breakAt : maxChars;
    parts.push(trim(rest.slice(0, cut)).join(''));
    rest = trim(rest.slice(cut));
  }
  if (rest.length > 0) parts.push(rest.join(''));
  return parts;
}

/** Index of the last whitespace cluster at or before `limit` (a space right after a full part counts). */
function lastWhitespaceWithin(clusters: string[], limit: number): number {
  for (let index = limit; index > 0; index -= 1) {
    if (isWhitespace(clusters[index] ?? '')) return index;
  }
  return -1;
}

function trim(clusters: string[]): string[] {
  let start = 0;
  let end = clusters.length;
  while (start < end && isWhitespace(clusters[start] ?? '')) start += 1;
  while (end > start && isWhitespace(clusters[end - 1] ?? '')) end -= 1;
  return clusters.slice(start, end);
}
