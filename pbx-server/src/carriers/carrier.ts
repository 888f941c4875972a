import type { Channel } from '../directory/numbers';

/** A text leaving the PBX towards a customer. */
export type OutboundText = { messageId: string; channel: Channel; from: string; to: string; body: string };

export type SendResult = { status: 'sent'; carrierMessageId: string } | { status: 'failed'; reason: string };

/** A text a carrier received from a customer for one of our numbers. */
export type InboundText = { carrier: string; carrierMessageId: string; from: string; to: string; body: string };

export type DeliveryReport = {
  carrier: string;
  carrierMessageId: string;
  status: 'delivered' | 'failed';
  reason?: string;
};

/**
 * What carriers call into. Every carrier (loopback, Kannel, Twilio-compatible) feeds inbound texts and
 * delivery reports through here, so routing and storage are identical whatever the source.
 */
export interface CarrierSink {
  receiveInbound(text: InboundText): Promise<{ messageId: string }>;
  reportDelivery(report: DeliveryReport): Promise<void>;
}

export interface Carrier {
  /** Matches numbers.carrier. */
  readonly name: string;
  send(text: OutboundText): Promise<SendResult>;
}
