import { gsm7Septets } from './gsm7';
import { graphemes } from './graphemes';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** User-perceived characters (grapheme clusters). */
  characters: number;
  /** Septets (escapes included) for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment holds: the single-message size, or the concatenated size once it is split. */
  perSegment: number;
  remainingInSegment: number;
  /** The first grapheme that GSM-7 cannot carry, or null when the text is GSM-7. */
  ucs2Trigger: string | null;
}

// A concatenated message spends part of each segment on its user-data header (6 bytes), which
// leaves 153 septets or 67 UCS-2 units of the 160/70 a lone message has.
const LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
};

export function analyzeSms(text: string): SmsAnalysis {
  const clusters = graphemes(text);
  const ucs2Trigger = clusters.find((cluster) => [...cluster].some((codePoint) => gsm7Septets(codePoint) === null)) ?? null;
  const encoding: SmsEncoding = ucs2Trigger === null ? 'GSM-7' : 'UCS-2';
  const costs = [...text].map((codePoint) => (encoding === 'GSM-7' ? (gsm7Septets(codePoint) ?? 0) : codePoint.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, concatenated } = LIMITS[encoding];

  if (units <= single) {
    return {
      encoding,
      characters: clusters.length,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: single,
      remainingInSegment: single - units,
      ucs2Trigger,
    };
  }
  const { segments, usedInLast } = pack(costs, concatenated);
  return {
    encoding,
    characters: clusters.length,
    units,
    segments,
    perSegment: concatenated,
    remainingInSegment: concatenated - usedInLast,
    ucs2Trigger,
  };
}

/**
 * Fills segments the way carriers do: an escape sequence (2 septets) or a surrogate pair
 * (2 units) is never cut in two, so when it does not fit it moves whole to the next segment and
 * the segment it left is sent a unit short.
 */
function pack(costs: number[], capacity: number): { segments: number; usedInLast: number } {
  let segments = 1;
  let usedInLast = 0;
  for (const cost of costs) {
    if (usedInLast + cost > capacity) {
      segments += 1;
      usedInLast = 0;
    }
    usedInLast += cost;
  }
  return { segments, usedInLast };
}
