import type { ConversationState, ConversationView } from '../http/schemas';

/** A conversation row as stored (every column, camelCase), shared by the store and the views. */

export type ConversationRecord = {
  id: string;
  type: ConversationView['type'];
  customerNumber: string | null;
  didNumber: string | null;
  title: string;
  createdAt: Date;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  /** Mirrors opt_outs (migration 010). */
  optedOut: boolean;
  state: ConversationState;
  groupId: string | null;
  botId: string | null;
  designatedAgentId: string | null;
  mentionedAgentId: string | null;
  waitingSince: Date | null;
  closedAt: Date | null;
  idleDeadline: Date | null;
  unclaimedDeadline: Date | null;
  createdByAgentId: string | null;
};

export type ConversationRow = {
  id: string;
  type: ConversationView['type'];
  customer_number: string | null;
  did_number: string | null;
  title: string;
  created_at: Date | string;
  last_message_at: Date | string | null;
  last_message_preview: string | null;
  opted_out: boolean;
  state: ConversationState;
  group_id: string | null;
  bot_id: string | null;
  designated_agent_id: string | null;
  mentioned_agent_id: string | null;
  waiting_since: Date | string | null;
  closed_at: Date | string | null;
  idle_deadline: Date | string | null;
  unclaimed_deadline: Date | string | null;
  created_by_agent_id: string | null;
};

const date = (d: Date | string) => new Date(d);
const dateOrNull = (d: Date | string | null) => (d === null ? null : new Date(d));

export const toConversationRecord = (r: ConversationRow): ConversationRecord => ({
  id: r.id,
  type: r.type,
  customerNumber: r.customer_number,
  didNumber: r.did_number,
  title: r.title,
  createdAt: date(r.created_at),
  lastMessageAt: dateOrNull(r.last_message_at),
  lastMessagePreview: r.last_message_preview,
  optedOut: r.opted_out,
  state: r.state,
  groupId: r.group_id,
  botId: r.bot_id,
  designatedAgentId: r.designated_agent_id,
  mentionedAgentId: r.mentioned_agent_id,
  waitingSince: dateOrNull(r.waiting_since),
  closedAt: dateOrNull(r.closed_at),
  idleDeadline: dateOrNull(r.idle_deadline),
  unclaimedDeadline: dateOrNull(r.unclaimed_deadline),
  createdByAgentId: r.created_by_agent_id,
});

