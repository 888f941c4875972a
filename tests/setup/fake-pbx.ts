// An in-memory stand-in for the reference server's event WebSocket, for unit tests: it keeps an
// event log with cursors and, like the real server, replays what follows the cursor a socket asks
// for, then says "synced". Frames are delivered asynchronously, as a socket would.
import type { Conversation } from '../../utils/model/conversation';
import type { Message } from '../../utils/model/message';

type Listener = ((event: { data: string }) => void) | null;

export class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: Listener = null;
  onclose: ((close: { code: number }) => void) | null = null;
  closed = false;
  constructor(readonly url: string, private readonly server: FakePbx) {}
  send(): void {}
  close(code = 1000): void {
    if (this.closed) return;
    this.closed = true;
    this.server.sockets.delete(this);
    queueMicrotask(() => this.onclose?.({ code }));
  }
  deliver(frame: unknown): void {
    if (!this.closed) this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function wireConversation(conversation: Conversation) {
  return { ...conversation, createdAt: iso(conversation.createdAt), lastMessageAt: conversation.lastMessageAt === null ? null : iso(conversation.lastMessageAt) };
}

export function wireMessage(message: Message) {
  return { ...message, createdAt: iso(message.createdAt) };
}

export class FakePbx {
  readonly log: Array<{ cursor: number; event: unknown }> = [];
  readonly sockets = new Set<FakeSocket>();
  /** The cursor each socket asked for, in order of connection. */
  readonly requestedCursors: number[] = [];
  up = true;

  createSocket = (url: string): WebSocket => {
    const socket = new FakeSocket(url, this);
    const cursor = Number(new URL(url).searchParams.get('cursor'));
    this.requestedCursors.push(cursor);
    if (!this.up) {
      socket.closed = true;
      queueMicrotask(() => socket.onclose?.({ code: 1006 }));
      return socket as unknown as WebSocket;
    }
    this.sockets.add(socket);
    queueMicrotask(() => {
      socket.onopen?.();
      for (const entry of this.log) if (entry.cursor > cursor) socket.deliver({ type: 'event', ...entry });
      socket.deliver({ type: 'synced', cursor: this.log.at(-1)?.cursor ?? cursor });
    });
    return socket as unknown as WebSocket;
  };

  /** Appends an event and streams it to every open socket. */
  publish(event: unknown): number {
    const cursor = (this.log.at(-1)?.cursor ?? 0) + 1;
    this.log.push({ cursor, event });
    for (const socket of this.sockets) socket.deliver({ type: 'event', cursor, event });
    return cursor;
  }

  messageCreated(conversation: Conversation, message: Message): number {
    return this.publish({ kind: 'message.created', conversation: wireConversation(conversation), message: wireMessage(message) });
  }

  /** The server goes away: every socket drops, new ones fail until `restart`. */
  stop(): void {
    this.up = false;
    for (const socket of [...this.sockets]) socket.close(1006);
  }

  restart(): void {
    this.up = true;
  }
}

const agent = { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The reference server's REST routes the background uses, over the same event log: sign-in with
 * rotating refresh tokens, and idempotent sends that publish message.created like the real server.
 */
export class FakePbxRest {
  refreshCount = 0;
  private refreshToken = 'refresh-0';
  private sent = new Map<string, unknown>();

  constructor(
    private readonly pbx: FakePbx,
    private readonly conversation: Conversation,
  ) {}

  fetch = async (request: Request): Promise<Response> => {
    if (!this.pbx.up) throw new TypeError('Failed to fetch');
    const path = new URL(request.url).pathname;
    if (path === '/v1/auth/login') return json(200, this.tokens());
    if (path === '/v1/auth/refresh') {
      const { refreshToken } = (await request.json()) as { refreshToken: string };
      if (refreshToken !== this.refreshToken) return json(401, { error: { code: 'unauthorized', message: 'spent refresh token' } });
      this.refreshCount++;
      return json(200, this.tokens());
    }
    if (path === `/v1/conversations/${this.conversation.id}/messages` && request.method === 'POST') {
      const { body, idempotencyKey } = (await request.json()) as { body: string; idempotencyKey: string };
      let stored = this.sent.get(idempotencyKey);
      if (!stored) {
        const at = Date.parse('2026-11-20T12:00:00Z') + this.sent.size;
        const message = { id: `srv-${this.sent.size + 1}`, conversationId: this.conversation.id, direction: 'outbound' as const, body, from: '+15035550100', to: '+15035550142', status: 'queued' as const, failureReason: null, senderAgentId: agent.id, idempotencyKey, createdAt: at };
        stored = wireMessage(message);
        this.sent.set(idempotencyKey, stored);
        this.pbx.messageCreated({ ...this.conversation, lastMessageAt: at, lastMessagePreview: body }, message);
      }
      return json(201, { message: stored });
    }
    if (path === '/v1/conversations' && request.method === 'POST') return json(200, { conversation: wireConversation(this.conversation) });
    return json(404, { error: { code: 'not_found', message: path } });
  };

  /** Bodies the server accepted, in order. */
  get accepted(): string[] {
    return [...this.sent.values()].map((message) => (message as { body: string }).body);
  }

  private tokens() {
    this.refreshToken = `refresh-${this.refreshCount}-${Math.random()}`;
    return { accessToken: `access-${this.refreshCount}`, refreshToken: this.refreshToken, expiresIn: 900, agent };
  }
}
