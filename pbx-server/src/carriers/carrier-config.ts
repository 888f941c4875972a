import { z } from 'zod';

/*
 * The `carriers` section of the PBX config file: named carrier instances that numbers point at with
 * numbers[].carrier. "loopback" (the simulator's carrier) always exists and cannot be redefined.
 * Secrets live here the way they live in kannel.conf: keep the file readable by the server only.
 */

export const LOOPBACK_CARRIER = 'loopback';

const httpUrl = z.url({ protocol: /^https?$/ });
/** A base URL other paths are appended to: no trailing slash, no query. */
const baseUrl = httpUrl.refine((u) => !u.endsWith('/') && !u.includes('?') && !u.includes('#'), 'must not end with / or carry a query');

// Between tries of a send the carrier refused for a passing reason (HTTP 5xx, 429, unreachable).
const retryDelaysMs = z.array(z.number().int().min(0).max(60_000)).max(5).default([1_000, 5_000]);

export const KannelCarrierConfigSchema = z.object({
  type: z.literal('kannel'),
  /** smsbox's sendsms endpoint, e.g. http://127.0.0.1:13013/cgi-bin/sendsms */
  sendsmsUrl: httpUrl,
  username: z.string().min(1),
  password: z.string().min(1),
  /**
   * Shared secret Kannel sends back in every get-url and dlr-url (?token=…). URL-safe characters only,
   * because it sits inside Kannel's URL patterns, where % starts an escape code.
   */
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16-128 characters of A-Z a-z 0-9 _ -'),
  /** How Kannel reaches this server (base of the dlr-url); default: the address the server listens on. */
  callbackBaseUrl: baseUrl.optional(),
  /** Force an smsc-id route on every send; default: let bearerbox choose. */
  smscId: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  retryDelaysMs,
});

export const TwilioCarrierConfigSchema = z.object({
  type: z.literal('twilio'),
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex digits)'),
  /** Signs webhooks (X-Twilio-Signature) and authenticates Messages API calls. */
  authToken: z.string().min(1),
  /** The Messages API; anything speaking it works (a test double, a Twilio-compatible provider). */
  apiBaseUrl: baseUrl.default('https://api.twilio.com'),
  /**
   * This server's public base URL, as Twilio calls it (behind a proxy: the proxy's). Signatures are
   * computed over it, and status callbacks point at it. Default: the URL a request arrived on, and
   * the address the server listens on for callbacks.
   */
  webhookBaseUrl: baseUrl.optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  retryDelaysMs,
});

export const CarrierConfigSchema = z.discriminatedUnion('type', [KannelCarrierConfigSchema, TwilioCarrierConfigSchema]);

export const CarriersConfigSchema = z
  .record(z.string(), CarrierConfigSchema)
  .superRefine((carriers, ctx) => {
    if (LOOPBACK_CARRIER in carriers) ctx.addIssue({ code: 'custom', path: [LOOPBACK_CARRIER], message: 'is built in and cannot be configured' });
    for (const name of Object.keys(carriers)) {
      // Names end up in logs and in messages.carrier; keep them plain.
      if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'carrier names are lowercase a-z 0-9 _ - (at most 40)' });
    }
    // Inbound webhooks find their carrier by these, so two instances must not share one.
    const seen = new Map<string, string>();
    for (const [name, carrier] of Object.entries(carriers)) {
      const key = carrier.type === 'kannel' ? `kannel token` : `twilio account ${carrier.accountSid.toLowerCase()}`;
      const identity = carrier.type === 'kannel' ? `${key} ${carrier.token}` : key;
      const other = seen.get(identity);
      if (other) ctx.addIssue({ code: 'custom', path: [name], message: `same ${key} as carrier "${other}"` });
      seen.set(identity, name);
    }
  })
  .default({});

export type KannelCarrierConfig = z.infer<typeof KannelCarrierConfigSchema>;
export type TwilioCarrierConfig = z.infer<typeof TwilioCarrierConfigSchema>;
export type CarrierConfig = z.infer<typeof CarrierConfigSchema>;
export type CarriersConfig = z.infer<typeof CarriersConfigSchema>;

/** Config-level check: every number names a carrier that exists and can carry its channel. */
export function checkNumberCarriers(
  config: { numbers: readonly { number: string; channel: 'sms' | 'whatsapp'; carrier: string | null }[]; carriers: CarriersConfig },
  ctx: z.RefinementCtx,
): void {
  config.numbers.forEach((n, index) => {
    if (n.carrier === null || n.carrier === LOOPBACK_CARRIER) return;
    const path = ['numbers', index, 'carrier'];
    const carrier = config.carriers[n.carrier];
    if (!carrier) ctx.addIssue({ code: 'custom', path, message: `no carrier "${n.carrier}" in carriers` });
    // Kannel speaks to SMS centres; WhatsApp goes through a WhatsApp Business API provider.
    else if (carrier.type === 'kannel' && n.channel !== 'sms') ctx.addIssue({ code: 'custom', path, message: `Kannel carries SMS only, ${n.number} is ${n.channel}` });
  });
}
