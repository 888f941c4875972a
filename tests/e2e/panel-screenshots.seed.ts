// Runs inside the built panel page for panel-screenshots.e2e.ts (bundled into global `bench` by
// tests/bench/bundle-page.ts): stores, through the extension's own Dexie code, conversations that
// show every state the panel can draw — each message state, a system pill, a read receipt, the @mention
// markers, a queue badge, an opted-out number — beside what the real server sent.
import { upsertConversation } from '../../utils/db/conversations';
import { db } from '../../utils/db/database';
import { addOutboxMessages, upsertMessage } from '../../utils/db/messages';
import { storeReceipts } from '../../utils/db/receipts';
import { savePersonalTemplate } from '../../utils/db/templates';
import type { AgentRef, Conversation } from '../../utils/model/conversation';
import type { Message } from '../../utils/model/message';

const queue = { id: 'shot-queue-8000', kind: 'queue' as const, extension: '8000', name: 'SMS Support Queue' };
const sales = { id: 'shot-ring-6000', kind: 'ring_group' as const, extension: '6000', name: 'Sales' };
const amy: AgentRef = { id: 'shot-amy', extension: '202', name: 'Amy Santiago' };
const rosa: AgentRef = { id: 'shot-rosa', extension: '203', name: 'Rosa Diaz' };

function conversation(fields: Partial<Conversation> & Pick<Conversation, 'id' | 'type' | 'title'>): Conversation {
  return { customerNumber: null, didNumber: null, createdAt: Date.now() - 3 * 3600_000, lastMessageAt: null, lastMessagePreview: null, ...fields };
}

function text(fields: Partial<Message> & Pick<Message, 'id' | 'conversationId' | 'body' | 'createdAt'>): Message {
  return { direction: 'inbound', from: '', to: '', status: 'received', failureReason: null, senderAgentId: null, idempotencyKey: null, ...fields };
}

/** `me`: the signed-in agent (Jake Peralta, from the real server). Returns the open conversation's id. */
export async function seed(me: AgentRef): Promise<string> {
  const now = Date.now();
  const min = (m: number) => now - m * 60_000;
  const maria = '+15035550142';
  const line = '+15035550111';
  const participants = [
    { type: 'agent' as const, ...me },
    { type: 'agent' as const, ...amy },
  ];
  await upsertConversation(db(), conversation({
    id: 'shot-maria', type: 'sms', title: maria, customerNumber: maria, customerName: 'Maria Lopez', didNumber: line,
    group: queue, state: 'assigned', designatedAgent: me, mentionedAgentId: me.id, participants,
    lastMessageAt: min(1), lastMessagePreview: 'And can I change the delivery address?',
  }));
  const thread: Message[] = [
    text({ id: 'shot-m1', conversationId: 'shot-maria', kind: 'system', body: 'Entered SMS Support Queue', createdAt: min(42) }),
    text({ id: 'shot-m2', conversationId: 'shot-maria', body: 'Hi, my parcel was due Tuesday and still has not arrived. Order 4471.', from: maria, to: line, createdAt: min(41) }),
    text({ id: 'shot-m3', conversationId: 'shot-maria', kind: 'system', body: `Conversation claimed by ${me.name} (${me.extension})`, createdAt: min(38) }),
    text({ id: 'shot-m4', conversationId: 'shot-maria', direction: 'outbound', status: 'delivered', senderAgentId: me.id, from: line, to: maria, body: 'Hi Maria, sorry about that! Let me check order 4471 for you.', createdAt: min(37) }),
    text({ id: 'shot-m5', conversationId: 'shot-maria', body: 'Thanks!', from: maria, to: line, createdAt: min(30) }),
    text({ id: 'shot-m6', conversationId: 'shot-maria', direction: 'outbound', status: 'sent', senderAgentId: me.id, from: line, to: maria, body: 'It left our warehouse this morning; the courier delivers by Thursday.', createdAt: min(12) }),
    text({ id: 'shot-m7', conversationId: 'shot-maria', direction: 'outbound', status: 'failed', failureReason: 'Carrier rejected the message (30007: filtered as spam)', senderAgentId: me.id, from: line, to: maria, body: 'Tracking: https://track.example.com/4471', createdAt: min(6) }),
    text({ id: 'shot-m8', conversationId: 'shot-maria', body: 'And can I change the delivery address?', from: maria, to: line, createdAt: min(1) }),
  ];
  for (const message of thread) await upsertMessage(db(), message);
  // An outbox row not yet accepted by the server: "Sending".
  await addOutboxMessages(db(), [{ idempotencyKey: 'shot-m9-outbox', conversationId: 'shot-maria', body: 'Yes — what is the new address?' }], now - 5_000);
  await storeReceipts(db(), [{ conversationId: 'shot-maria', agent: amy, lastReadMessageId: 'shot-m5', readAt: min(29) }]);

  await upsertConversation(db(), conversation({ id: 'shot-amy', type: 'direct', title: 'Amy Santiago', participants, lastMessageAt: min(4), lastMessagePreview: 'Can you take the Lopez refund?', unreadCount: 2 }));
  await upsertConversation(db(), conversation({
    id: 'shot-sales', type: 'sms', title: '+15035550177', customerNumber: '+15035550177', customerName: 'Daniel Okafor', didNumber: '+15035550122',
    group: sales, state: 'assigned', designatedAgent: rosa, mentionedAgentId: rosa.id, participants: [{ type: 'agent', ...me }, { type: 'agent', ...rosa }],
    lastMessageAt: min(9), lastMessagePreview: 'Do you ship to Canada?',
  }));
  await upsertConversation(db(), conversation({
    id: 'shot-group', type: 'group', title: 'Returns team', participants: [...participants, { type: 'external', number: '+15035550188', name: 'Courier desk' }],
    lastMessageAt: min(55), lastMessagePreview: 'Pickup moved to 3 pm',
  }));
  await upsertConversation(db(), conversation({ id: 'shot-gina', type: 'whatsapp', title: '+15035550166', customerNumber: '+15035550166', customerName: 'Gina Linetti', didNumber: '+15035550133', optedOut: true, lastMessageAt: min(190), lastMessagePreview: 'STOP' }));
  await savePersonalTemplate(db(), { id: 'shot-t1', name: 'Delivery delay', body: 'Sorry for the delay! Your parcel is on its way and should arrive within two working days.' });
  return 'shot-maria';
}
