/*
 * Carrier compliance keywords (CTIA Messaging Principles; the FCC consent-revocation rule in force
 * since April 2025 also names REVOKE and OPT OUT). Use: run classifyKeyword on every inbound SMS body
 * before routing, then feed the answer to applyKeyword (opt-out-state.ts) to update the contact's
 * opt-out flag and pick the automatic reply.
 *
 * Only a message that *is* the keyword counts ("Stop!" yes, "please don't stop the service" no), as
 * carriers and Twilio do; anything longer is conversation for an agent to read.
 *
 * Opt-in is START and UNSTOP only. YES and SUBSCRIBE are deliberately not keywords: in a
 * contact-centre conversation "Yes" is usually the answer to an agent's question, and an
 * opted-out customer's bare "yes" is not the clear, explicit request to resume that consent rules ask
 * for. (Twilio's Advanced Opt-Out also treats YES as opt-in by default; turn that off on the
 * Messaging Service if Parley's and Twilio's opt-out lists are to agree.)
 */

export type ComplianceKeyword = 'stop' | 'start' | 'help';

export const STOP_KEYWORDS = ['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'OPT OUT', 'REVOKE'] as const;
export const START_KEYWORDS = ['START', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const KEYWORDS = new Map<string, ComplianceKeyword>([
  ...STOP_KEYWORDS.map((word) => [word, 'stop'] as const),
  ...START_KEYWORDS.map((word) => [word, 'start'] as const),
  ...HELP_KEYWORDS.map((word) => [word, 'help'] as const),
]);

export function classifyKeyword(body: string): ComplianceKeyword | null {
  return KEYWORDS.get(normalize(body)) ?? null;
}

function normalize(body: string): string {
  return (
    body
      // NFKC folds full-width letters ("ＳＴＯＰ", typed with an East Asian keyboard) into ASCII.
      .normalize('NFKC')
      .trim()
      // "Stop.", "STOP!!!", "help?" - punctuation after the word changes nothing.
      .replace(/[\p{P}\s]+$/u, '')
      // "Opt-out", "opt  out" and "Stop all" are the same request as "OPT OUT" / "STOP ALL".
      .replace(/[\s-]+/g, ' ')
      .toUpperCase()
  );
}
