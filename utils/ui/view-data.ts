import type { StoredConversation, StoredMessage } from '../db/database';
import type { HistoryMatches } from '../db/search';
import { t } from '../i18n';
import type { ConversationState, ConversationType, Participant } from '../model/conversation';
import type { GroupSummary } from '../model/queue';
import { systemLineText } from './system-line';

/**
 * What the views render, derived from stored rows by pure functions (panel contract,
 * /tmp/parley/panel-contract.md §1–§4). Names, numbers and bodies are other people's text: the
 * views render them as text, never as HTML.
 */

export interface ConversationListItem {
  id: string;
  type: ConversationType;
  title: string;
  number: string | null;
  unread: number;
  lastMessage: string | null;
  lastActivityAt: number;
  queueBadge: boolean;
  groupName: string | null;
  mention: 'red' | 'blue' | null;
  mentionedName: string | null;
  optedOut: boolean;
  closed: boolean;
}

export interface WaitingItem {
  conversationId: string;
  title: string;
  number: string | null;
  preview: string | null;
  waitingSince: number;
  groupName: string;
  mentioned: boolean;
}

export interface SearchResults {
  conversations: ConversationListItem[];
  messages: Array<{ messageId: string; conversationId: string; title: string; body: string; createdAt: number }>;
}

export interface ThreadMessage {
  id: string;
  body: string;
  createdAt: number;
  kind: 'text' | 'system';
  direction: 'inbound' | 'outbound';
  mine: boolean;
  senderName: string | null;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'received';
  failureReason: string | null;
  canRetry: boolean;
  canDelete: boolean;
  readBy: string[];
}

export interface ThreadHeader {
  title: string;
  number: string | null;
  type: ConversationType;
  groupName: string | null;
  state: ConversationState | null;
  participants: Participant[];
  queueControls: { transfer: boolean; release: boolean; close: boolean } | null;
  groupControls: { rename: boolean; addParticipants: boolean; leave: boolean } | null;
}

const isCustomerThread = (row: StoredConversation) => row.type === 'sms' || row.type === 'whatsapp';

/** The name to show: the PBX's resolved customer name, else the title, else the number. */
export function displayTitle(row: StoredConversation): string {
  if (isCustomerThread(row)) return row.customerName || (row.title && row.title !== row.customerNumber ? row.title : row.customerNumber ?? row.title);
  return row.title;
}

const isDesignated = (row: StoredConversation, me: string | null) => !!me && row.designatedAgent?.id === me;

/**
 * Seed 000's @mention marker on a ring group or queue conversation: red when I am the one alerted
 * to answer, blue when another agent was.
 */
export function mentionOf(row: StoredConversation, me: string | null): { mention: 'red' | 'blue' | null; mentionedName: string | null } {
  if (!row.group) return { mention: null, mentionedName: null };
  const alertedId = row.designatedAgent?.id ?? row.mentionedAgentId ?? null;
  if (!alertedId) return { mention: null, mentionedName: null };
  const name = row.designatedAgent?.id === alertedId ? row.designatedAgent.name : agentName(row.participants, alertedId);
  return { mention: alertedId === me ? 'red' : 'blue', mentionedName: name };
}

function agentName(participants: Participant[] | undefined, agentId: string): string | null {
  const found = participants?.find((p) => p.type === 'agent' && p.id === agentId);
  return found?.type === 'agent' ? found.name : null;
}

/**
 * Whether a conversation belongs in the agent's sidebar list: a queue conversation waits in the
 * queue section until claimed, and once someone else has it, it is theirs (seed 002).
 */
export function inSidebar(row: StoredConversation, me: string | null): boolean {
  if (row.group?.kind !== 'queue') return true;
  if (row.state === 'waiting') return false;
  return !row.designatedAgent || isDesignated(row, me);
}

export function toListItem(row: StoredConversation, me: string | null): ConversationListItem {
  return {
    id: row.id,
    type: row.type,
    title: displayTitle(row),
    number: row.customerNumber,
    unread: row.unread,
    lastMessage: row.lastMessagePreview,
    lastActivityAt: row.activityAt,
    queueBadge: row.group?.kind === 'queue' && row.state === 'assigned',
    groupName: row.group?.name ?? null,
    ...mentionOf(row, me),
    optedOut: row.optedOut === true,
    closed: row.state === 'closed',
  };
}

/** Waiting conversations of the queues the agent is logged in to and not paused in (unknown presence counts as available). */
export function toWaitingItems(rows: readonly StoredConversation[], groups: readonly GroupSummary[], me: string | null): WaitingItem[] {
  const presence = new Map(groups.map((group) => [group.id, group.me]));
  return rows
    .filter((row) => {
      const mine = row.group ? presence.get(row.group.id) : undefined;
      return mine === undefined || (mine !== null && mine.loggedIn && !mine.paused);
    })
    .map((row) => ({
      conversationId: row.id,
      title: displayTitle(row),
      number: row.customerNumber,
      preview: row.lastMessagePreview,
      waitingSince: row.waitingSince ?? row.createdAt,
      groupName: row.group?.name ?? '',
      mentioned: !!me && row.mentionedAgentId === me,
    }));
}

export function toSearchResults(matches: HistoryMatches, conversations: readonly StoredConversation[], me: string | null): SearchResults {
  const byId = new Map(conversations.map((row) => [row.id, row]));
  return {
    conversations: matches.conversations.map((row) => toListItem(row, me)),
    messages: matches.messages.flatMap((message) => {
      const conversation = byId.get(message.conversationId);
      if (!conversation) return [];
      return [{ messageId: message.id, conversationId: message.conversationId, title: displayTitle(conversation), body: message.body, createdAt: message.createdAt }];
    }),
  };
}

export function toThreadHeader(row: StoredConversation, me: string | null): ThreadHeader {
  const mayControl = row.state === 'assigned' && isDesignated(row, me);
  return {
    title: displayTitle(row),
    number: row.customerNumber,
    type: row.type,
    groupName: row.group?.name ?? null,
    state: row.state ?? null,
    participants: row.participants ?? [],
    queueControls: row.group ? { transfer: mayControl, release: mayControl, close: mayControl } : null,
    groupControls: row.type === 'group' ? { rename: true, addParticipants: true, leave: true } : null,
  };
}

/** Why the agent cannot send here, as a sentence; null when they can. */
export function blockedReason(row: StoredConversation, me: string | null): string | null {
  if (row.optedOut) return t('blockedOptedOut');
  if (row.state === 'closed') return t('blockedClosed');
  if (row.state === 'waiting') return t('blockedWaiting');
  if (row.group && row.designatedAgent && !isDesignated(row, me)) return t('blockedNotDesignated', row.designatedAgent.name);
  return null;
}

/** Builds the row → view mapping of one conversation's thread; readMarks: message id → reader names. */
export function threadMessageMapper(row: StoredConversation | null, me: string | null, readMarks: ReadonlyMap<string, string[]>) {
  return (message: StoredMessage): ThreadMessage => {
    const mine = message.pending === 1 || (!!me && message.senderAgentId === me);
    const failed = message.status === 'failed';
    return {
      id: message.id,
      body: message.kind === 'system' ? systemLineText(message) : message.body,
      createdAt: message.createdAt,
      kind: message.kind === 'system' ? 'system' : 'text',
      direction: message.direction,
      mine,
      senderName: mine || message.kind === 'system' ? null : senderName(row, message),
      status: message.status,
      failureReason: message.failureReason,
      canRetry: failed && mine,
      canDelete: failed && mine,
      readBy: readMarks.get(message.id) ?? [],
    };
  };
}

function senderName(row: StoredConversation | null, message: StoredMessage): string | null {
  if (message.senderAgentId) {
    // The thread spans the number's conversations: an agent of an earlier one may not be a participant here.
    if (row?.designatedAgent?.id === message.senderAgentId) return row.designatedAgent.name;
    return agentName(row?.participants, message.senderAgentId);
  }
  if (message.direction === 'inbound') {
    const external = row?.participants?.find((p) => p.type === 'external' && p.number === message.from);
    if (external?.type === 'external' && external.name) return external.name;
    return row && isCustomerThread(row) && row.customerNumber === message.from ? (row.customerName ?? message.from) : message.from || null;
  }
  return null;
}
