import type { Channel } from '../directory/numbers';

/** Parley's outbound statuses as carriers report them; "queued" means still on the carrier's side. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** A text leaving the PBX towards a customer. */
export type OutboundText = { messageId: string; channel: Channel; from: string; to: string; body: string };

export type SendResult =
  /** The carrier took the message; `status` is where it is now (often still "queued"). */
  | { outcome: 'accepted'; carrierMessageId: string; status: DeliveryStatus; reason?: string }
  /** The carrier did not take it. Retryable refusals (5xx, throttling, unreachable) are tried again. */
  | { outcome: 'refused'; reason: string; retryable: boolean; retryAfterMs?: number };

/** A text a carrier received from a customer for one of our numbers. */
export type InboundText = { carrier: string; carrierMessageId: string; from: string; to: string; body: string };

/**
 * A status change for an outbound message. Carriers that echo Parley's own id back (Kannel's
 * dlr-url, the StatusCallback URL Parley gives Twilio) report by messageId, which is known before the
 * send returns; others by the id the carrier gave the message.
 */
export type DeliveryReport = {
  carrier: string;
  status: DeliveryStatus;
  /** For failures: the carrier's words. */
  reason?: string;
} & ({ messageId: string } | { carrierMessageId: string });

/**
 * What carriers call into. Every carrier (loopback, Kannel, Twilio-compatible) feeds inbound texts and
 * delivery reports through here, so routing and storage are identical whatever the source.
 */
export interface CarrierSink {
  receiveInbound(text: InboundText): Promise<{ messageId: string }>;
  reportDelivery(report: DeliveryReport): Promise<void>;
}

export interface Carrier {
  /** Matches numbers.carrier and messages.carrier: the instance's name in the config. */
  readonly name: string;
  /** Between tries of a retryable refusal; empty: never retry. */
  readonly retryDelaysMs: readonly number[];
  send(text: OutboundText): Promise<SendResult>;
}
