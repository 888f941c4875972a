import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeTwilioSignature } from '../src/carriers/twilio/twilio-signature';
import { loadConfig } from '../src/config/load';
import { PbxConfigSchema, type PbxConfig } from '../src/config/schema';
import type { Db } from '../src/db/db';
import { connectEvents, login, startTestServer, type BackendName, type EventClient, type TestServer } from './harness';

/** Shared by the carrier and compliance tests: configs with real carriers, a Twilio stand-in, probes. */

/** The demo config (agents 201/202, loopback line) plus these numbers and carriers. */
export function configWith(extra: { numbers?: unknown[]; carriers?: Record<string, unknown>; keywordReplies?: unknown }): PbxConfig {
  const demo = loadConfig();
  return PbxConfigSchema.parse({
    agents: demo.agents,
    groups: demo.groups,
    bots: demo.bots,
    numbers: [...demo.numbers, ...(extra.numbers ?? [])],
    carriers: extra.carriers ?? {},
    ...(extra.keywordReplies ? { keywordReplies: extra.keywordReplies } : {}),
  });
}

export const smsLine = (number: string, carrier: string | null, more: Record<string, unknown> = {}) => ({
  number,
  channel: 'sms',
  carrier,
  label: `line ${number}`,
  inboundRoute: { type: 'agent', extension: '201' },
  ...more,
});

/** Rows of one carrier message id: proves "stored once" and "nothing stored". */
export async function messagesWithCarrierId(db: Db, carrierMessageId: string) {
  return db.query<{ id: string; body: string; conversation_id: string }>('SELECT id, body, conversation_id FROM messages WHERE carrier_message_id = $1', [
    carrierMessageId,
  ]);
}

export async function conversationsOf(db: Db, didNumber: string, customerNumber: string) {
  return db.query<{ id: string; type: string }>('SELECT id, type FROM conversations WHERE did_number = $1 AND customer_number = $2', [
    didNumber,
    customerNumber,
  ]);
}

// ---- Twilio ----

let sidCounter = 0;
/** A fresh, well-formed SID with the given prefix (SM message, AC account). */
export function fakeSid(prefix: 'SM' | 'AC' = 'SM'): string {
  sidCounter += 1;
  return `${prefix}${(Date.now().toString(16) + sidCounter.toString(16).padStart(8, '0')).padStart(32, '0').slice(-32)}`;
}

export type TwilioPost = { path: string; params: Record<string, string>; signUrl?: string; signature?: string | null; authToken: string };

/**
 * POSTs a form to the server as Twilio would, signed over `signUrl` (the public URL Twilio called).
 * signature: null sends no header; a string sends that instead of the computed one.
 */
export async function postAsTwilio(baseUrl: string, post: TwilioPost): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (post.signature !== null) {
    headers['x-twilio-signature'] = post.signature ?? computeTwilioSignature(post.authToken, post.signUrl ?? `${baseUrl}${post.path}`, post.params);
  }
  const res = await fetch(`${baseUrl}${post.path}`, { method: 'POST', headers, body: new URLSearchParams(post.params).toString() });
  return { status: res.status, body: await res.text() };
}

export type TwilioApiRequest = { url: string; authorization: string | undefined; form: Record<string, string> };
type Answer = { status: number; json: unknown };

/**
 * Twilio's Messages API on loopback: records each request and answers from a script (default: 201
 * with a fresh SID and status "queued"), like the real one does.
 */
export class FakeTwilioApi {
  readonly requests: TwilioApiRequest[] = [];
  private readonly script: Answer[] = [];
  private server: Server | undefined;
  url = '';

  constructor(
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const request = { url: req.url ?? '', authorization: req.headers.authorization, form: Object.fromEntries(new URLSearchParams(raw)) };
        this.requests.push(request);
        const answer = this.answerFor(request);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next requests get these answers, in order. */
  answerNext(...answers: Answer[]): void {
    this.script.push(...answers);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answerFor(request: TwilioApiRequest): Answer {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.authorization !== expected) return { status: 401, json: { code: 20003, message: 'Authenticate', status: 401 } };
    if (request.url !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) return { status: 404, json: { code: 20404, message: 'Not found' } };
    return this.script.shift() ?? { status: 201, json: { sid: fakeSid('SM'), status: 'queued', error_code: null, error_message: null } };
  }
}

/** A server whose Twilio carrier talks to a FakeTwilioApi, with Jake logged in and listening to events. */
export type TwilioTestBed = { server: TestServer; api: FakeTwilioApi; token: string; events: EventClient; stop(): Promise<void> };

export async function startWithTwilioApi(
  backend: BackendName,
  account: { accountSid: string; authToken: string },
  config: (twilio: { type: 'twilio'; accountSid: string; authToken: string; apiBaseUrl: string }) => PbxConfig,
): Promise<TwilioTestBed> {
  const api = await new FakeTwilioApi(account.accountSid, account.authToken).start();
  const server = await startTestServer(backend, { config: config({ type: 'twilio', ...account, apiBaseUrl: api.url }) });
  const token = (await login(server.url)).accessToken;
  const events = await connectEvents(server.url, token);
  return {
    server,
    api,
    token,
    events,
    async stop() {
      await events.close();
      await server.stop();
      await api.stop();
    },
  };
}
