import type { StoredMessage } from '../db/database';
import type { CaseLink } from './case-links';

const stamp = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The messages "Log to case" has not written into this case yet, oldest first: texts only (no
 * lifecycle lines), nothing still in the outbox, nothing at or before the last logged message.
 */
export function unloggedMessages(timeline: readonly StoredMessage[], lastLogged: CaseLink['lastLogged']): StoredMessage[] {
  const texts = timeline.filter((message) => message.kind !== 'system' && !message.pending && !message.hidden);
  if (!lastLogged) return texts;
  const at = texts.findIndex((message) => message.id === lastLogged.messageId);
  if (at >= 0) return texts.slice(at + 1);
  return texts.filter((message) => message.createdAt > lastLogged.createdAt);
}

/** Plain-text transcript lines, UTC-stamped: "[2026-11-22 09:30 UTC] Customer +15035550142: Hi". */
export function transcript(messages: readonly StoredMessage[], labels: { customer: string; agent: string }): string {
  return messages
    .map((message) => {
      const who = message.direction === 'inbound' ? `${labels.customer} ${message.from}` : labels.agent;
      return `[${stamp(message.createdAt)} UTC] ${who}: ${message.body}`;
    })
    .join('\n');
}
