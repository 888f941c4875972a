import type { ConnectionState } from '../../model/connection';
import { backoffDelay, reconnectBackoff, type BackoffOptions } from '../backoff';
import { isPbxError } from '../errors';
import { CursorTracker } from './cursor';
import { CLOSE_UNAUTHORIZED, WireFrame } from './wire';

type EventFrame = Extract<WireFrame, { type: 'event' }>;

export interface EventStreamOptions {
  /** Builds the socket URL for a cursor; may renew the access token first. */
  url: (cursor: number, forceNewToken: boolean) => Promise<string>;
  onEvent: (frame: EventFrame) => void;
  onSynced: (cursor: number) => void;
  onState: (state: ConnectionState) => void;
  createSocket?: (url: string) => WebSocket;
  backoff?: BackoffOptions;
  now?: () => number;
}

/** No frame for this long means a half-open connection: the server pings every 20 s. */
const SILENCE_LIMIT_MS = 50_000;

/**
 * The server's event WebSocket, kept open: resumes from the last delivered cursor, reconnects with
 * exponential backoff and jitter, renews the token when the server closes with 4401, and drops any
 * frame it has already delivered.
 */
export class EventStream {
  private socket: WebSocket | null = null;
  private cursor = new CursorTracker(0);
  private attempt = 0;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private forceNewToken = false;
  private paused = false;

  constructor(private readonly options: EventStreamOptions) {}

  start(cursor: number): void {
    this.stop();
    this.running = true;
    this.paused = false;
    this.cursor.reset(cursor);
    this.attempt = 0;
    void this.open();
  }

  stop(): void {
    this.running = false;
    this.dropSocket();
  }

  /**
   * Flow control: closes the socket without reporting a state change, remembering the last
   * delivered cursor. The server keeps what follows, so nothing is lost while the app catches up.
   */
  pause(): void {
    if (!this.running || this.paused) return;
    this.paused = true;
    this.dropSocket();
  }

  /** Reopens after pause(), from the last delivered cursor. */
  resume(): void {
    if (!this.running || !this.paused) return;
    this.paused = false;
    void this.open(true);
  }

  /** Skips the remaining backoff, e.g. when the browser reports it is back online. */
  retryNow(): void {
    if (!this.running || this.paused || this.socket) return;
    clearTimeout(this.retryTimer);
    void this.open();
  }

  /** `quietly`: reopening after a pause is not a reconnect; the link never went down as far as the agent is concerned. */
  private async open(quietly = false): Promise<void> {
    if (!quietly) this.options.onState({ status: 'connecting' });
    let url: string;
    try {
      url = await this.options.url(this.cursor.value, this.forceNewToken);
    } catch (error) {
      if (isPbxError(error, 'unauthorized') || isPbxError(error, 'invalid_credentials')) return this.fail();
      return this.scheduleRetry();
    }
    if (!this.running || this.paused) return;
    this.forceNewToken = false;
    const socket = (this.options.createSocket ?? ((u) => new WebSocket(u)))(url);
    this.socket = socket;
    socket.onopen = () => {
      this.options.onState({ status: 'online' });
      this.watchSilence();
    };
    socket.onmessage = (message) => {
      this.watchSilence();
      this.handle(socket, message.data);
    };
    socket.onclose = (close) => {
      if (this.socket !== socket || this.paused) return;
      this.socket = null;
      clearTimeout(this.silenceTimer);
      if (!this.running) return;
      if (close.code === CLOSE_UNAUTHORIZED) {
        // One immediate retry with a renewed token; a second 4401 in a row backs off like any failure.
        if (this.forceNewToken) return this.scheduleRetry();
        this.forceNewToken = true;
        return void this.open();
      }
      this.scheduleRetry();
    };
  }

  private handle(socket: WebSocket, data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      console.warn('[parley] ignoring a non-JSON event frame');
      return;
    }
    const frame = WireFrame.safeParse(json);
    if (!frame.success) {
      console.warn('[parley] ignoring an unexpected event frame', frame.error.message);
      return;
    }
    switch (frame.data.type) {
      case 'ping':
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      case 'synced':
        this.attempt = 0;
        this.options.onSynced(Math.max(frame.data.cursor, this.cursor.value));
        return;
      case 'event':
        if (this.cursor.accept(frame.data.cursor)) this.options.onEvent(frame.data);
    }
  }

  /** Closes the socket on purpose: its close event is ignored, and no retry is pending. */
  private dropSocket(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
  }

  private watchSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.socket?.close(4000), SILENCE_LIMIT_MS);
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    const delay = backoffDelay(this.attempt++, this.options.backoff ?? reconnectBackoff);
    this.options.onState({ status: 'offline', retryAt: (this.options.now ?? Date.now)() + delay });
    this.retryTimer = setTimeout(() => void this.open(), delay);
  }

  private fail(): void {
    this.running = false;
    this.options.onState({ status: 'auth-failed' });
  }
}
