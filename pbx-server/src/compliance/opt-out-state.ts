import type { ComplianceKeyword } from './keywords';

/*
 * What a keyword does to a contact's opt-out flag and which automatic reply it earns. Pure: the
 * caller loads the flag for (our number, customer number), stores the new one and sends the reply
 * text it associates with the reply kind.
 *
 * Every STOP and START is confirmed, even when the flag does not change: a customer who repeats
 * STOP is unsure the first one worked, and the confirmation is the one message carriers allow to an
 * opted-out number. HELP is answered whatever the flag, as CTIA requires, and never changes it.
 */

export type AutomaticReply = 'stop-confirmation' | 'start-confirmation' | 'help';

export type KeywordOutcome = { optedOut: boolean; reply: AutomaticReply | null };

export function applyKeyword(currentOptedOut: boolean, keyword: ComplianceKeyword | null): KeywordOutcome {
  switch (keyword) {
    case 'stop':
      return { optedOut: true, reply: 'stop-confirmation' };
    case 'start':
      return { optedOut: false, reply: 'start-confirmation' };
    case 'help':
      return { optedOut: currentOptedOut, reply: 'help' };
    case null:
      return { optedOut: currentOptedOut, reply: null };
  }
}
