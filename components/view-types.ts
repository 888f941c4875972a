// The shapes the views render, as the panel contract (§1, §2) defines them. Structural copies so the
// views build and test on their own; the models' values fit them as they are.
import type { ConversationType } from '../utils/model/conversation';

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
