import { decodeKannelText, percentDecodeBytes } from './kannel-wire';

/*
 * The line protocol of Kannel's fake SMSC, as the `fakesmsc` client (kannel-extras) speaks it:
 *   "<sender> <receiver> <type> <payload>"
 * MT messages it receives are logged as `Got message N: <line>`; MO messages are given on its command
 * line in the same format. Pure functions, so the harness's parsing is unit tested.
 */

export type FakeSmscType = 'text' | 'data' | 'ucs-2' | 'udh';

/** An MT message as the handset (fakesmsc) received it. */
export type HandsetMessage = {
  /** fakesmsc's running count, 1-based. */
  seq: number;
  from: string;
  to: string;
  type: FakeSmscType;
  /** Decoded text; for "data" and "udh" the payload bytes read as UTF-8. */
  text: string;
  /** The line exactly as fakesmsc printed it. */
  raw: string;
};

const GOT_MESSAGE = /Got message (\d+): <(.*)>\s*$/;

export function parseFakesmscLine(logLine: string): HandsetMessage | undefined {
  const m = GOT_MESSAGE.exec(logLine);
  if (!m) return undefined;
  const raw = m[2]!;
  const [from, to, type, ...rest] = raw.split(' ');
  if (!from || !to || !type) return undefined;
  const payload = rest.join(' ');
  const seq = Number(m[1]);
  switch (type) {
    case 'text':
      // Sent verbatim: the fake SMSC writes msgdata as is (so a newline in it ends the line early;
      // a limitation of this test SMSC, not of Kannel).
      return { seq, from, to, type, text: payload, raw };
    case 'ucs-2': {
      const decoded = decodeKannelText(percentDecodeBytes(payload), 2, 'UTF-16BE');
      return { seq, from, to, type, text: decoded.ok ? decoded.text : '', raw };
    }
    case 'data':
      return { seq, from, to, type, text: percentDecodeBytes(payload).toString('utf8'), raw };
    case 'udh': {
      // "<udh> data <payload>"
      const data = rest.slice(2).join(' ');
      return { seq, from, to, type, text: percentDecodeBytes(data).toString('utf8'), raw };
    }
    default:
      return undefined;
  }
}

export function parseFakesmscLog(log: string): HandsetMessage[] {
  const out: HandsetMessage[] = [];
  for (const line of log.split('\n')) {
    const message = parseFakesmscLine(line);
    if (message) out.push(message);
  }
  return out;
}

/** URL-encodes bytes the way the fake SMSC decodes them (every byte as %XX: unambiguous). */
function percentEncodeBytes(bytes: Buffer): string {
  return [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

/**
 * The fakesmsc argument for one MO message. Printable ASCII goes as "text" (what a plain handset
 * would send, arriving as GSM 7-bit); anything else - accents, emoji, newlines, which "text" cannot
 * carry on a line protocol - as "ucs2", i.e. UTF-16BE, as a phone sends non-GSM texts.
 */
export function fakesmscMoArgument(from: string, to: string, text: string): string {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!/^\+?[0-9A-Za-z]+$/.test(value)) throw new Error(`fakesmsc: ${name} must be a number without spaces, got "${value}"`);
  }
  if (text === '') throw new Error('fakesmsc: empty MO text');
  if (/^[\x20-\x7e]*$/.test(text) && !text.startsWith(' ')) return `${from} ${to} text ${text}`;
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  return `${from} ${to} ucs2 ${percentEncodeBytes(utf16be)}`;
}
