/*
 * Twilio's message statuses folded into Parley's four. Shared by the status-callback parser and the
 * send client, because the Messages API answer carries the same status field as the callback.
 */

export type ParleyDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** The statuses an *outbound* message can be in. "receiving"/"received" belong to inbound messages. */
export const TWILIO_OUTBOUND_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
  'canceled',
] as const;

export type TwilioOutboundStatus = (typeof TWILIO_OUTBOUND_STATUSES)[number];

const STATUS_MAP: Record<TwilioOutboundStatus, ParleyDeliveryStatus> = {
  // Still on Twilio's side: a scheduled message has not left either.
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  // WhatsApp read receipts: reading implies delivery, and Parley has no separate "read" for carriers.
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  // Only scheduled messages can be canceled; it will never be sent.
  canceled: 'failed',
};

export function parleyStatusOf(status: TwilioOutboundStatus): ParleyDeliveryStatus {
  return STATUS_MAP[status];
}

// Twilio often sends ErrorCode without ErrorMessage; the commonest delivery codes, worded for an
// agent reading a failed message. Anything else falls back to the bare code.
const ERROR_CODE_MEANINGS: Readonly<Record<string, string>> = {
  '30003': 'unreachable destination handset',
  '30004': 'message blocked',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'message filtered by the carrier',
  '30008': 'unknown error',
  '63016': 'outside the WhatsApp 24-hour customer service window',
};

/** Why a message failed, from whatever Twilio said; falls back to the Twilio status itself. */
export function failureReason(status: TwilioOutboundStatus, errorCode?: string, errorMessage?: string): string {
  const words = errorMessage?.trim() || (errorCode ? ERROR_CODE_MEANINGS[errorCode] : undefined);
  if (errorCode) return words ? `Twilio error ${errorCode}: ${words}` : `Twilio error ${errorCode}`;
  return words ?? `Twilio status ${status}`;
}
