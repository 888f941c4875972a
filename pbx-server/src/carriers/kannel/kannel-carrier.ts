import { timingSafeEqual } from 'node:crypto';
import type { Carrier, OutboundText, SendResult } from '../carrier';
import type { KannelCarrierConfig } from '../carrier-config';
import { sendSms } from './kannel-client';

export const KANNEL_INBOUND_PATH = '/v1/carriers/kannel/inbound';
export const KANNEL_DLR_PATH = '/v1/carriers/kannel/dlr';

/**
 * One Kannel gateway (smsbox) from the config. Sends through sendsms with a dlr-url that carries
 * Parley's message id and the shared token; Kannel's answer has no id of its own, so Parley's id is
 * the carrier message id too, and the message stays queued until the SMSC's reports arrive.
 */
export class KannelCarrier implements Carrier {
  readonly retryDelaysMs: readonly number[];
  private readonly token: Buffer;

  constructor(
    readonly name: string,
    private readonly config: KannelCarrierConfig,
    /** Where this server listens; known only once it does. */
    private readonly serverUrl: () => string,
  ) {
    this.retryDelaysMs = config.retryDelaysMs;
    this.token = Buffer.from(config.token, 'utf8');
  }

  async send(text: OutboundText): Promise<SendResult> {
    if (text.channel !== 'sms') return { outcome: 'refused', reason: `Kannel carries SMS only, not ${text.channel}`, retryable: false };
    const base = this.config.callbackBaseUrl ?? this.serverUrl();
    const result = await sendSms(
      {
        sendsmsUrl: this.config.sendsmsUrl,
        username: this.config.username,
        password: this.config.password,
        dlrUrl: `${base}${KANNEL_DLR_PATH}?token=${this.config.token}`,
        timeoutMs: this.config.timeoutMs,
        ...(this.config.smscId ? { smscId: this.config.smscId } : {}),
      },
      { messageId: text.messageId, from: text.from, to: text.to, text: text.body },
    );
    if (result.ok) return { outcome: 'accepted', carrierMessageId: text.messageId, status: 'queued' };
    return { outcome: 'refused', reason: `Kannel ${result.kind}: ${result.answer}`, retryable: result.retryable };
  }

  /** Constant-time comparison with the configured token. */
  acceptsToken(token: string | undefined): boolean {
    if (!token) return false;
    const given = Buffer.from(token, 'utf8');
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }
}
