import type { Carrier, OutboundText, SendResult } from '../carrier';
import type { TwilioCarrierConfig } from '../carrier-config';
import { sendTwilioMessage } from './twilio-client';
import { isValidTwilioSignature, type TwilioFormParams } from './twilio-signature';

/** Webhook paths; {key} is the account SID or one of the account's numbers (as configured in Twilio). */
export const twilioWebhookPath = (key: string, hook: 'inbound' | 'status') => `/v1/carriers/twilio/${key}/${hook}`;

/**
 * One Twilio account (or a provider speaking Twilio's Messages API) from the config. Every send asks
 * for status callbacks on a URL that carries Parley's message id, so a callback that overtakes the
 * API's answer still finds its message.
 */
export class TwilioCarrier implements Carrier {
  readonly retryDelaysMs: readonly number[];

  constructor(
    readonly name: string,
    private readonly config: TwilioCarrierConfig,
    /** Where this server listens; known only once it does. */
    private readonly serverUrl: () => string,
  ) {
    this.retryDelaysMs = config.retryDelaysMs;
  }

  get accountSid(): string {
    return this.config.accountSid;
  }

  async send(text: OutboundText): Promise<SendResult> {
    const base = this.config.webhookBaseUrl ?? this.serverUrl();
    const statusCallbackUrl = `${base}${twilioWebhookPath(this.config.accountSid, 'status')}?mid=${encodeURIComponent(text.messageId)}`;
    const result = await sendTwilioMessage(
      {
        baseUrl: this.config.apiBaseUrl,
        accountSid: this.config.accountSid,
        authToken: this.config.authToken,
        statusCallbackUrl,
        timeoutMs: this.config.timeoutMs,
      },
      { channel: text.channel, from: text.from, to: text.to, body: text.body },
    );
    if (result.ok) {
      return { outcome: 'accepted', carrierMessageId: result.carrierMessageId, status: result.status, ...(result.reason ? { reason: result.reason } : {}) };
    }
    return {
      outcome: 'refused',
      reason: result.reason,
      retryable: result.retryable,
      ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
    };
  }

  /**
   * Checks X-Twilio-Signature over the URL Twilio called: the configured public base URL plus the
   * path and query as received, or (none configured) the URL exactly as the request arrived.
   */
  hasValidSignature(requestUrl: string, params: TwilioFormParams, signature: string | undefined): boolean {
    const url = new URL(requestUrl);
    const signedUrl = this.config.webhookBaseUrl ? `${this.config.webhookBaseUrl}${url.pathname}${url.search}` : url.href;
    return isValidTwilioSignature(this.config.authToken, signedUrl, params, signature);
  }
}
