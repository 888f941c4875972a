/**
 * The words a message is found by. Lower-cased, accents folded ("José" is found by "jose"), split
 * on anything that is not a letter or digit, each word once. System lines are not searchable: they
 * repeat the same few phrases in every queue conversation.
 */
export function searchWordsOf(message: { body: string; kind?: string }): string[] {
  return message.kind === 'system' ? [] : wordsOf(message.body);
}

/** The most words indexed per message: a pasted essay must not bloat the index. */
const MAX_WORDS = 200;
/** Longer "words" (URLs, tokens) are cut: nobody types more to find them. */
const MAX_WORD_LENGTH = 32;

export function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    words.add(word.slice(0, MAX_WORD_LENGTH));
    if (words.size >= MAX_WORDS) break;
  }
  return [...words];
}

/** Lower case without diacritics, the form both the index and the query use. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
