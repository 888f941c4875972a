// User-perceived characters: "👍🏽", "🇫🇷" and "e\u0301" are each one, as an agent counts them.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
