import { z } from 'zod';
import { failureReason, parleyStatusOf, TWILIO_OUTBOUND_STATUSES, type ParleyDeliveryStatus } from './twilio-status';

/*
 * The outbound side: Parley -> Twilio's Messages API (or anything speaking it, such as a test
 * double, hence the configurable base URL). Building the request is pure; sending is one fetch with
 * a deadline, and the answer is mapped to a result the dispatcher can act on: store the SID, retry,
 * or give up and mark the message failed with the reason.
 */

export type TwilioClientConfig = {
  /** https://api.twilio.com in production; no trailing path. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Parley's status-callback endpoint; Twilio POSTs each status change there. */
  statusCallbackUrl?: string;
  timeoutMs?: number;
};

export type TwilioOutbound = {
  channel: 'sms' | 'whatsapp';
  /** E.164 (or a short code / alphanumeric sender for SMS); the "whatsapp:" prefix is added here. */
  from: string;
  to: string;
  body: string;
};

export type TwilioSendResult =
  | { ok: true; carrierMessageId: string; status: ParleyDeliveryStatus; reason?: string }
  | {
      ok: false;
      kind: 'rejected' | 'auth' | 'throttled' | 'unavailable' | 'unreachable' | 'unexpected';
      retryable: boolean;
      reason: string;
      httpStatus?: number;
      twilioCode?: number;
      /** From Retry-After on a 429/503, when Twilio sends one. */
      retryAfterMs?: number;
    };

export type TwilioHttpRequest = { url: string; headers: Record<string, string>; body: string };

function wireAddress(channel: TwilioOutbound['channel'], number: string): string {
  return channel === 'whatsapp' ? `whatsapp:${number}` : number;
}

export function buildSendRequest(config: TwilioClientConfig, message: TwilioOutbound): TwilioHttpRequest {
  const base = config.baseUrl.replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const form = new URLSearchParams();
  form.set('To', wireAddress(message.channel, message.to));
  form.set('From', wireAddress(message.channel, message.from));
  form.set('Body', message.body);
  if (config.statusCallbackUrl) form.set('StatusCallback', config.statusCallbackUrl);
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`, 'utf8').toString('base64');
  return {
    url,
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: form.toString(),
  };
}

// Only the fields Parley uses; Twilio's resource has many more, which zod strips.
const messageResource = z.object({
  sid: z.string().min(1),
  status: z.enum(TWILIO_OUTBOUND_STATUSES),
  error_code: z.number().nullish(),
  error_message: z.string().nullish(),
});

const errorResource = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
});

/**
 * Maps Twilio's answer. Anything 4xx other than auth and throttling means "this request will never
 * succeed" (bad number, unverified sender, recipient opted out...), so retrying would only repeat
 * it; 429, 5xx and network failures are transient.
 */
export function interpretSendAnswer(httpStatus: number, body: string, retryAfter?: string | null): TwilioSendResult {
  const json = parseJson(body);
  if (httpStatus >= 200 && httpStatus < 300) {
    const parsed = messageResource.safeParse(json);
    // Twilio may well have accepted the message: retrying could send it twice.
    if (!parsed.success) return { ok: false, kind: 'unexpected', retryable: false, httpStatus, reason: `unreadable Twilio answer: ${snippet(body)}` };
    const m = parsed.data;
    const status = parleyStatusOf(m.status);
    const errorCode = m.error_code == null ? undefined : String(m.error_code);
    return {
      ok: true,
      carrierMessageId: m.sid,
      status,
      ...(status === 'failed' ? { reason: failureReason(m.status, errorCode, m.error_message ?? undefined) } : {}),
    };
  }
  const error = errorResource.safeParse(json);
  const twilioCode = error.success ? error.data.code : undefined;
  const words = (error.success ? error.data.message : undefined) ?? (snippet(body) || `HTTP ${httpStatus}`);
  const reason = twilioCode === undefined ? words : `Twilio error ${twilioCode}: ${words}`;
  const details = { httpStatus, reason, ...(twilioCode === undefined ? {} : { twilioCode }) };
  const retryAfterMs = parseRetryAfter(retryAfter);
  const retryHint = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (httpStatus === 401 || httpStatus === 403) return { ok: false, kind: 'auth', retryable: false, ...details };
  if (httpStatus === 429) return { ok: false, kind: 'throttled', retryable: true, ...details, ...retryHint };
  if (httpStatus >= 400 && httpStatus < 500) return { ok: false, kind: 'rejected', retryable: false, ...details };
  if (httpStatus >= 500) return { ok: false, kind: 'unavailable', retryable: true, ...details, ...retryHint };
  return { ok: false, kind: 'unexpected', retryable: false, ...details };
}

export async function sendTwilioMessage(config: TwilioClientConfig, message: TwilioOutbound): Promise<TwilioSendResult> {
  const request = buildSendRequest(config, message);
  let response: Response;
  let body: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
    });
    body = await response.text();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, kind: 'unreachable', retryable: true, reason: `Twilio unreachable: ${why}` };
  }
  return interpretSendAnswer(response.status, body, response.headers.get('retry-after'));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Retry-After as delta-seconds; the rarer HTTP-date form is ignored and the dispatcher backs off as usual. */
function parseRetryAfter(value: string | null | undefined): number | undefined {
  return value && /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : undefined;
}

function snippet(body: string): string {
  const text = body.trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
