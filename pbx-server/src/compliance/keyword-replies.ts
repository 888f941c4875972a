import { z } from 'zod';
import { normalizeLineNumber } from '../phone/normalize';
import type { AutomaticReply } from './opt-out-state';

/*
 * The texts Parley answers STOP, START/UNSTOP and HELP with. Configured once for the PBX
 * (`keywordReplies`) and overridable per number (`numbers[].keywordReplies`); null means "send no
 * automatic reply", for carriers that answer keywords themselves (Twilio's Advanced Opt-Out).
 */

// Three concatenated SMS segments; HELP answers must name the business and how to reach it, no more.
const replyText = z.string().trim().min(1).max(459).nullable();

export const KeywordRepliesConfigSchema = z.object({ stop: replyText, start: replyText, help: replyText }).partial();
export type KeywordRepliesConfig = z.infer<typeof KeywordRepliesConfigSchema>;

export type KeywordReplies = Record<'stop' | 'start' | 'help', string | null>;

export const DEFAULT_KEYWORD_REPLIES = {
  stop: 'You are unsubscribed and will get no more texts from this number. Reply START to resubscribe.',
  start: 'You are subscribed again. Reply STOP to unsubscribe, HELP for help.',
  help: 'Reply to this text and an agent will answer. Reply STOP to unsubscribe.',
} satisfies KeywordReplies;

const KEY_OF: Record<AutomaticReply, keyof KeywordReplies> = {
  'stop-confirmation': 'stop',
  'start-confirmation': 'start',
  help: 'help',
};

/** Which text (or none) a number answers a keyword with: the number's own setting, else the PBX's. */
export class KeywordReplyBook {
  private readonly defaults: KeywordReplies;

  constructor(
    pbx: KeywordRepliesConfig,
    private readonly perNumber: ReadonlyMap<string, KeywordRepliesConfig>,
  ) {
    this.defaults = { ...DEFAULT_KEYWORD_REPLIES, ...pbx };
  }

  textFor(didNumber: string, reply: AutomaticReply): string | null {
    const key = KEY_OF[reply];
    const own = this.perNumber.get(didNumber)?.[key];
    return own === undefined ? this.defaults[key] : own;
  }
}

/** The book for a config: its keywordReplies, and each number's own. */
export function keywordReplyBookFor(config: {
  keywordReplies?: KeywordRepliesConfig;
  numbers?: readonly { number: string; keywordReplies?: KeywordRepliesConfig }[];
}): KeywordReplyBook {
  const perNumber = new Map<string, KeywordRepliesConfig>();
  for (const n of config.numbers ?? []) {
    const number = normalizeLineNumber(n.number);
    if (number && n.keywordReplies) perNumber.set(number, n.keywordReplies);
  }
  return new KeywordReplyBook(config.keywordReplies ?? {}, perNumber);
}
