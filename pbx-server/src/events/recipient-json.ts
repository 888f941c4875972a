import type { PbxEvent } from './types';

/**
 * Serializes an event once for all its recipients. Copies of an event that carries a conversation
 * differ only in the conversation's unreadCount (each member sees its own), so everything else is
 * serialized once and each recipient's copy is the two halves around its count; a text to a group
 * of five is stringified once instead of five times, and the event log stores the same JSON (null:
 * the event as it is). Returns recipient's unread count -> that recipient's copy as JSON, the same
 * value JSON.stringify(copy) would give (unreadCount moves to the end of the conversation object;
 * key order carries no meaning in JSON).
 */
export function recipientJson(event: PbxEvent): (unread: number | null) => string {
  let whole: string | null = null;
  const asIs = () => (whole ??= JSON.stringify(event));
  if (!('conversation' in event)) return asIs;
  const { conversation, ...rest } = event;
  const { unreadCount: _unread, ...shared } = conversation;
  const sharedJson = JSON.stringify(shared);
  // `{"a":1}` -> `{"a":1,"unreadCount":` ... `}`; `{}` -> `{"unreadCount":` ... `}`.
  const head = `{"conversation":${sharedJson === '{}' ? '{' : `${sharedJson.slice(0, -1)},`}"unreadCount":`;
  const restJson = JSON.stringify(rest);
  const tail = restJson === '{}' ? '}}' : `},${restJson.slice(1)}`;
  const own = conversation.unreadCount;
  // The event as it is comes from the same halves when its own count is a plain number.
  if (typeof own === 'number' && Number.isFinite(own)) whole = `${head}${own}${tail}`;
  return (unread) => (unread === null ? asIs() : `${head}${unread}${tail}`);
}
