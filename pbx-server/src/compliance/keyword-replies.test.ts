import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYWORD_REPLIES, keywordReplyBookFor } from './keyword-replies';

describe('keywordReplyBookFor', () => {
  const book = keywordReplyBookFor({
    keywordReplies: { help: 'PBX help' },
    numbers: [
      { number: '+1 (503) 555-0101', keywordReplies: { help: 'Line help', stop: null } },
      { number: '+15035550102' },
    ],
  });

  it("answers with the number's own text, else the PBX's, else the default", () => {
    expect(book.textFor('+15035550101', 'help')).toBe('Line help');
    expect(book.textFor('+15035550102', 'help')).toBe('PBX help');
    expect(book.textFor('+15035550102', 'stop-confirmation')).toBe(DEFAULT_KEYWORD_REPLIES.stop);
    expect(book.textFor('+15035550101', 'start-confirmation')).toBe(DEFAULT_KEYWORD_REPLIES.start);
  });

  it('null means no automatic reply', () => {
    expect(book.textFor('+15035550101', 'stop-confirmation')).toBeNull();
    expect(keywordReplyBookFor({ keywordReplies: { help: null } }).textFor('+15035550199', 'help')).toBeNull();
  });
});
