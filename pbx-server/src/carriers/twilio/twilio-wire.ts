import { z } from 'zod';
import { failureReason, parleyStatusOf, TWILIO_OUTBOUND_STATUSES, type ParleyDeliveryStatus } from './twilio-status';
import type { TwilioFormParams } from './twilio-signature';

/*
 * What Twilio POSTs to Parley, and what Parley makes of it. Pure: the HTTP layer decodes the
 * form body into a name -> value record (the same record it checked with isValidTwilioSignature),
 * calls parseTwilioInbound or parseTwilioStatus, and answers 400 with the reason when ok is false.
 * Twilio retries webhooks, so whoever stores the result must be idempotent on carrierMessageId.
 */

export type WireResult<T> = { ok: true; value: T } | { ok: false; reason: string };

// Twilio SIDs are a two-letter type prefix and 32 hex digits: SM/MM for messages, AC for accounts.
const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'not a Twilio message SID');
const accountSid = z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'not a Twilio account SID');
const count = z.string().regex(/^\d+$/, 'not a whole number').transform(Number);

const WHATSAPP_PREFIX = 'whatsapp:';
const E164 = /^\+[1-9]\d{1,14}$/;
// SMS can also come from or go to a short code; WhatsApp addresses are always E.164.
const SHORT_CODE = /^\d{3,8}$/;

type Address = { number: string; channel: 'sms' | 'whatsapp' };

const address = z.string().transform((raw, ctx): Address => {
  const whatsapp = raw.startsWith(WHATSAPP_PREFIX);
  const number = whatsapp ? raw.slice(WHATSAPP_PREFIX.length) : raw;
  if (E164.test(number) || (!whatsapp && SHORT_CODE.test(number))) return { number, channel: whatsapp ? 'whatsapp' : 'sms' };
  ctx.addIssue({ code: 'custom', message: whatsapp ? 'not whatsapp:+E.164' : 'not an E.164 number or short code' });
  return z.NEVER;
});

// ---------------------------------------------------------------------------------------------------
// Inbound message webhook

export const twilioInboundForm = z.object({
  MessageSid: messageSid,
  AccountSid: accountSid,
  From: address,
  To: address,
  // Present but empty for a picture with no caption.
  Body: z.string(),
  // Twilio caps media at 10 per message.
  NumMedia: count.pipe(z.number().max(10, 'more than 10 media')),
  NumSegments: count,
  ProfileName: z.string().optional(),
});

export type TwilioInboundMedia = { url: string; contentType?: string };

export type TwilioInbound = {
  carrierMessageId: string;
  /** Lets the route refuse webhooks meant for another Twilio account sharing the URL. */
  accountSid: string;
  /** E.164 (or an SMS short code), without the "whatsapp:" prefix. */
  from: string;
  to: string;
  channel: 'sms' | 'whatsapp';
  body: string;
  /** The WhatsApp display name the customer chose; never on SMS. */
  profileName?: string;
  media: TwilioInboundMedia[];
};

export function parseTwilioInbound(form: TwilioFormParams): WireResult<TwilioInbound> {
  const parsed = twilioInboundForm.safeParse(form);
  if (!parsed.success) return { ok: false, reason: zodReason(parsed.error) };
  const f = parsed.data;
  if (f.From.channel !== f.To.channel) return { ok: false, reason: 'To: "whatsapp:" prefix on one side only' };
  const media = parseMedia(form, f.NumMedia);
  if (!media.ok) return media;
  const profileName = f.ProfileName?.trim();
  return {
    ok: true,
    value: {
      carrierMessageId: f.MessageSid,
      accountSid: f.AccountSid,
      from: f.From.number,
      to: f.To.number,
      channel: f.From.channel,
      body: f.Body,
      ...(profileName ? { profileName } : {}),
      media: media.value,
    },
  };
}

const mediaUrl = z.url({ protocol: /^https?$/ });

/** MediaUrl0..MediaUrl{NumMedia-1}, each with its MediaContentType{N} when Twilio gives one. */
function parseMedia(form: TwilioFormParams, numMedia: number): WireResult<TwilioInboundMedia[]> {
  const media: TwilioInboundMedia[] = [];
  for (let i = 0; i < numMedia; i++) {
    const url = form[`MediaUrl${i}`];
    if (url === undefined) return { ok: false, reason: `MediaUrl${i}: missing (NumMedia is ${numMedia})` };
    if (!mediaUrl.safeParse(url).success) return { ok: false, reason: `MediaUrl${i}: not an http(s) URL` };
    const contentType = form[`MediaContentType${i}`];
    media.push(contentType ? { url, contentType } : { url });
  }
  return { ok: true, value: media };
}

// ---------------------------------------------------------------------------------------------------
// Status callback (the StatusCallback URL given when sending)

export const twilioStatusForm = z.object({
  MessageSid: messageSid,
  MessageStatus: z.enum(TWILIO_OUTBOUND_STATUSES),
  // Empty when there is no error; failureReason treats '' as absent.
  ErrorCode: z.string().regex(/^\d*$/, 'not a number').optional(),
  ErrorMessage: z.string().optional(),
});

export type TwilioStatus = {
  carrierMessageId: string;
  status: ParleyDeliveryStatus;
  /** Only for failures. */
  reason?: string;
  /** Twilio's own word, for logs ("read" and "delivered" both become delivered). */
  twilioStatus: string;
};

export function parseTwilioStatus(form: TwilioFormParams): WireResult<TwilioStatus> {
  const parsed = twilioStatusForm.safeParse(form);
  if (!parsed.success) return { ok: false, reason: zodReason(parsed.error) };
  const f = parsed.data;
  const status = parleyStatusOf(f.MessageStatus);
  return {
    ok: true,
    value: {
      carrierMessageId: f.MessageSid,
      status,
      ...(status === 'failed' ? { reason: failureReason(f.MessageStatus, f.ErrorCode, f.ErrorMessage) } : {}),
      twilioStatus: f.MessageStatus,
    },
  };
}

function zodReason(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
}
