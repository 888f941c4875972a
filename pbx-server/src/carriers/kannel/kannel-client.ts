import { DLR_MASK_ALL } from './kannel-wire';

/*
 * The outbound side: Parley -> smsbox /cgi-bin/sendsms. Building the request is pure (and unit
 * tested); sending it is one fetch with a deadline, and Kannel's plain-text answer is mapped to a
 * result the dispatcher can act on (retry or give up).
 */

export type KannelClientConfig = {
  /** smsbox's sendsms endpoint, e.g. http://127.0.0.1:13013/cgi-bin/sendsms */
  sendsmsUrl: string;
  username: string;
  password: string;
  /** Parley's DLR endpoint, e.g. http://127.0.0.1:3000/v1/carriers/kannel/dlr?token=… (the query is kept). */
  dlrUrl: string;
  /** Which reports to ask for; defaults to all five so the message walks queued -> sent -> delivered. */
  dlrMask?: number;
  /** Force an smsc-id route (Kannel's smsc= parameter); unset lets bearerbox choose. */
  smscId?: string;
  timeoutMs?: number;
};

export type KannelOutbound = { messageId: string; from: string; to: string; text: string };

// GSM 03.38 default alphabet, plus the ASCII characters of its extension table (sent as escape pairs).
// Anything else - curly quotes, dashes, emoji, most accents, the euro sign to be safe - goes as UCS-2.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION_ASCII = '^{}\\[~]|';
const GSM_CHARS = new Set([...GSM_BASIC, ...GSM_EXTENSION_ASCII]);

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_CHARS.has(ch)) return false;
  return true;
}

/**
 * Kannel reads "%" followed by a letter in a dlr-url as an escape code (%A, %C, %d, %F... are all
 * hex digits too), and turns "%%" into "%". So the static parts of the dlr-url - above all Parley's
 * percent-encoded message id - must have every "%" doubled, or "%C3" would come back as "UTF-83".
 */
export function escapeForKannelPattern(s: string): string {
  return s.replace(/%/g, '%%');
}

/** The dlr-url for one message: Parley's id fixed, the rest filled in by Kannel. */
export function buildDlrUrl(dlrUrl: string, messageId: string): string {
  const fixed = `${dlrUrl}${dlrUrl.includes('?') ? '&' : '?'}mid=${encodeURIComponent(messageId)}`;
  return `${escapeForKannelPattern(fixed)}&status=%d&reply=%A&smsc=%i&kid=%F&ts=%T`;
}

export function buildSendSmsUrl(config: KannelClientConfig, message: KannelOutbound): string {
  if (!message.from || !message.to) throw new Error('kannel sendsms: from and to are required');
  if (message.text === '') throw new Error('kannel sendsms: empty text');
  const params = new URLSearchParams();
  params.set('username', config.username);
  params.set('password', config.password);
  params.set('from', message.from);
  params.set('to', message.to);
  params.set('text', message.text);
  // We always send UTF-8; Kannel converts it to GSM 7-bit (coding 0) or to UCS-2 (coding 2). Without
  // coding=2 anything outside the GSM alphabet would be replaced by "?" on the way to the handset.
  params.set('charset', 'UTF-8');
  params.set('coding', isGsm7(message.text) ? '0' : '2');
  params.set('dlr-mask', String(config.dlrMask ?? DLR_MASK_ALL));
  params.set('dlr-url', buildDlrUrl(config.dlrUrl, message.messageId));
  if (config.smscId) params.set('smsc', config.smscId);
  // URLSearchParams writes spaces as "+", which Kannel decodes as a space, like a browser form.
  return `${config.sendsmsUrl}?${params.toString()}`;
}

export type SendSmsResult =
  | { ok: true; outcome: 'accepted' | 'queued'; answer: string }
  | { ok: false; kind: 'auth' | 'rejected' | 'unavailable' | 'unreachable' | 'unexpected'; retryable: boolean; httpStatus?: number; answer: string };

/**
 * Kannel's answers (1.4.x): 202 "0: Accepted for delivery"; 202 "3: Queued for later delivery" (no
 * SMSC up yet, bearerbox keeps it); 403 "Authorization failed for sendsms"; 400 for a bad request
 * ("Missing receiver number, rejected", "Charset or body misformed, rejected", ...); 503 when smsbox
 * cannot take it now. Only the last and network failures are worth retrying.
 */
export function interpretSendSmsAnswer(httpStatus: number, body: string): SendSmsResult {
  const answer = body.trim();
  if (httpStatus >= 200 && httpStatus < 300) {
    if (/^0:/.test(answer)) return { ok: true, outcome: 'accepted', answer };
    if (/^3:/.test(answer)) return { ok: true, outcome: 'queued', answer };
    return { ok: false, kind: 'unexpected', retryable: false, httpStatus, answer };
  }
  if (httpStatus === 401 || httpStatus === 403) return { ok: false, kind: 'auth', retryable: false, httpStatus, answer };
  if (httpStatus >= 400 && httpStatus < 500) return { ok: false, kind: 'rejected', retryable: false, httpStatus, answer };
  if (httpStatus >= 500) return { ok: false, kind: 'unavailable', retryable: true, httpStatus, answer };
  return { ok: false, kind: 'unexpected', retryable: false, httpStatus, answer };
}

export async function sendSms(config: KannelClientConfig, message: KannelOutbound): Promise<SendSmsResult> {
  const url = buildSendSmsUrl(config, message);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
    body = await response.text();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, kind: 'unreachable', retryable: true, answer: `sendsms unreachable: ${why}` };
  }
  return interpretSendSmsAnswer(response.status, body);
}
