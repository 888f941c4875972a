import { z } from 'zod';

/*
 * What Kannel's smsbox sends to Parley, and what Parley makes of it. Pure: the HTTP layer passes the
 * raw query string (everything after "?") and gets a plain object or a reason to answer 400.
 *
 * The raw query is needed rather than URLSearchParams because %b is the message *bytes*, URL-encoded:
 * UTF-16BE for a UCS-2 text that smsbox did not recode, which a UTF-8 percent-decoder would mangle.
 */

/** Decodes application/x-www-form-urlencoded to bytes ("+" is a space, as Kannel's encoder writes it). */
export function percentDecodeBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '+') out.push(0x20);
    else if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(out);
}

/** Splits a raw query into name -> raw bytes; the first occurrence of a name wins. */
export function parseRawQuery(rawQuery: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = percentDecodeBytes(eq === -1 ? pair : pair.slice(0, eq)).toString('utf8');
    const value = percentDecodeBytes(eq === -1 ? '' : pair.slice(eq + 1));
    if (!fields.has(name)) fields.set(name, value);
  }
  return fields;
}

function fieldsAsUtf8(fields: Map<string, Buffer>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = fields.get(name);
    if (value !== undefined) out[name] = value.toString('utf8');
  }
  return out;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Turns %b bytes into text using %c (coding) and %C (charset). Kannel reports coding 0/undefined as
 * UTF-8 and UCS-2 as UTF-16BE unless the SMSC said otherwise; 8-bit (coding 1) is binary data such
 * as a ringtone or WAP push, not a text a contact-centre agent can read, so it is refused.
 */
export function decodeKannelText(bytes: Buffer, coding: number, charset: string | undefined): DecodeResult {
  if (coding === 1) return { ok: false, reason: 'binary (8-bit) message' };
  const cs = (charset ?? (coding === 2 ? 'UTF-16BE' : 'UTF-8')).toUpperCase().replace(/_/g, '-');
  try {
    switch (cs) {
      case 'UTF-8':
      case 'UTF8':
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
      case 'UTF-16BE':
      case 'UCS-2':
      case 'UCS-2BE': {
        if (bytes.length % 2 !== 0) return { ok: false, reason: 'odd number of bytes in UTF-16BE text' };
        const swapped = Buffer.from(bytes).swap16();
        return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(swapped) };
      }
      case 'ISO-8859-1':
      case 'LATIN1':
        return { ok: true, text: bytes.toString('latin1') };
      case 'WINDOWS-1252':
        return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
      default:
        return { ok: false, reason: `unsupported charset ${charset}` };
    }
  } catch {
    return { ok: false, reason: `text is not valid ${cs}` };
  }
}

// ---------------------------------------------------------------------------------------------------
// Inbound (MO): the sms-service get-url of pbx-server/kannel/kannel.conf.template
//   ?from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I&smsc=%i&ts=%T

const phone = z.string().min(1).max(32).regex(/^\+?[0-9A-Za-z]+$/, 'not a phone number or short code');

export const kannelInboundQuery = z.object({
  from: phone,
  to: phone,
  coding: z.enum(['0', '1', '2']).default('0').transform(Number),
  charset: z.string().min(1).optional(),
  /** Kannel's own id of the MO message (a UUID); Parley keeps it as carrierMessageId. */
  id: z.string().min(1).max(64),
  smsc: z.string().optional(),
  ts: z.string().regex(/^\d+$/).optional(),
});

export type KannelInbound = {
  from: string;
  to: string;
  text: string;
  carrierMessageId: string;
  smscId?: string;
  /** When the SMSC handed it to Kannel. */
  receivedAt?: Date;
};

export type WireResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseKannelInbound(rawQuery: string): WireResult<KannelInbound> {
  const fields = parseRawQuery(rawQuery);
  const parsed = kannelInboundQuery.safeParse(fieldsAsUtf8(fields, ['from', 'to', 'coding', 'charset', 'id', 'smsc', 'ts']));
  if (!parsed.success) return { ok: false, reason: zodReason(parsed.error) };
  const q = parsed.data;
  const bytes = fields.get('text');
  if (bytes === undefined) return { ok: false, reason: 'text: missing' };
  const decoded = decodeKannelText(bytes, q.coding, q.charset);
  if (!decoded.ok) return { ok: false, reason: `text: ${decoded.reason}` };
  return {
    ok: true,
    value: {
      from: q.from,
      to: q.to,
      text: decoded.text,
      carrierMessageId: q.id,
      ...(q.smsc ? { smscId: q.smsc } : {}),
      ...(q.ts ? { receivedAt: new Date(Number(q.ts) * 1000) } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Delivery reports: the dlr-url that kannel-client.ts puts on every sendsms request
//   ?mid=<Parley message id>&status=%d&reply=%A&smsc=%i&kid=%F&ts=%T

/** Kannel's dlr-mask / %d bits. */
export const DLR = {
  DELIVERED: 1, // delivered to the handset (final)
  FAILED: 2, // not delivered to the handset (final)
  BUFFERED: 4, // queued on the SMSC, e.g. handset off (intermediate)
  SMSC_ACCEPTED: 8, // accepted by the SMSC (intermediate)
  SMSC_REJECTED: 16, // rejected by the SMSC (final)
} as const;

/** Everything, so Parley can show queued -> sent -> delivered/failed. */
export const DLR_MASK_ALL = DLR.DELIVERED | DLR.FAILED | DLR.BUFFERED | DLR.SMSC_ACCEPTED | DLR.SMSC_REJECTED;

export type ParleyDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/**
 * One %d value to Parley's status. Failure bits win over success ones because Kannel composes
 * values: DLR_EXPIRED is 0x22 and DLR_UNKNOWN 0x42, both carrying the "failed" bit.
 */
export function dlrStatus(value: number): ParleyDeliveryStatus | undefined {
  if (value & (DLR.FAILED | DLR.SMSC_REJECTED)) return 'failed';
  if (value & DLR.DELIVERED) return 'delivered';
  if (value & DLR.SMSC_ACCEPTED) return 'sent';
  if (value & DLR.BUFFERED) return 'queued';
  return undefined;
}

const DLR_REASONS: Record<number, string> = {
  [DLR.FAILED]: 'not delivered to the handset',
  [DLR.SMSC_REJECTED]: 'rejected by the SMSC',
  0x22: 'expired before delivery',
  0x42: 'delivery state unknown',
};

export const kannelDlrQuery = z.object({
  mid: z.string().min(1).max(128),
  status: z.string().regex(/^\d+$/, 'not a number').transform(Number),
  reply: z.string().optional(),
  smsc: z.string().optional(),
  kid: z.string().optional(),
  ts: z.string().regex(/^\d+$/).optional(),
});

export type KannelDlr = {
  /** Parley's message id, carried in the dlr-url. */
  messageId: string;
  status: ParleyDeliveryStatus;
  /** For failures: the SMSC's words if it gave any, else what the code means. */
  reason?: string;
  /** The raw %d value, for logs. */
  dlrValue: number;
  /** The id the SMSC gave the message (%F), when it has one. */
  smscMessageId?: string;
  smscId?: string;
  at?: Date;
};

export function parseKannelDlr(rawQuery: string): WireResult<KannelDlr> {
  const fields = parseRawQuery(rawQuery);
  const parsed = kannelDlrQuery.safeParse(fieldsAsUtf8(fields, ['mid', 'status', 'reply', 'smsc', 'kid', 'ts']));
  if (!parsed.success) return { ok: false, reason: zodReason(parsed.error) };
  const q = parsed.data;
  const status = dlrStatus(q.status);
  if (!status) return { ok: false, reason: `status: unknown DLR value ${q.status}` };
  const reply = q.reply?.trim();
  const reason = status === 'failed' ? reply || DLR_REASONS[q.status] || `DLR ${q.status}` : undefined;
  return {
    ok: true,
    value: {
      messageId: q.mid,
      status,
      ...(reason ? { reason } : {}),
      dlrValue: q.status,
      ...(q.kid ? { smscMessageId: q.kid } : {}),
      ...(q.smsc ? { smscId: q.smsc } : {}),
      ...(q.ts ? { at: new Date(Number(q.ts) * 1000) } : {}),
    },
  };
}

function zodReason(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}
