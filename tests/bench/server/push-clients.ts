import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { FromAgents, ToAgents } from './agent-sockets';

/**
 * The agents' event sockets of the inbound benchmark: one WebSocket per agent, in a child process
 * (agent-sockets.ts: real agents are other machines, so their receive work is not the server's),
 * every message.created of a benchmark text noted with its arrival time, so a run knows when each
 * text has reached every recipient and how long it took.
 */
export class PushClients {
  private readonly child: ChildProcess;
  private readonly replies: ((message: FromAgents) => boolean)[] = [];

  /** recipients: how many sockets each benchmark text reaches (its group's size). */
  constructor(private readonly recipients: number) {
    this.child = fork(resolve(import.meta.dirname, 'agent-sockets.ts'), { execArgv: ['--import', 'tsx'] });
    this.child.on('message', (message: FromAgents) => {
      const at = this.replies.findIndex((accepts) => accepts(message));
      if (at >= 0) this.replies.splice(at, 1);
    });
  }

  /** Sends a request and resolves with the first reply `pick` accepts. */
  private ask<T>(request: ToAgents, pick: (message: FromAgents) => T | null): Promise<T> {
    return new Promise((done) => {
      this.replies.push((message) => {
        const value = pick(message);
        if (value === null) return false;
        done(value);
        return true;
      });
      this.child.send(request);
    });
  }

  async connect(baseUrl: string, tokens: readonly string[]): Promise<void> {
    await this.ask({ type: 'connect', baseUrl, tokens: [...tokens], recipients: this.recipients }, (m) => (m.type === 'connected' ? true : null));
  }

  /** Resolves once `count` texts in all have reached every recipient (phases run one after another). */
  async completed(count: number): Promise<void> {
    await this.ask({ type: 'completed', count }, (m) => (m.type === 'completed' && m.count === count ? true : null));
  }

  /** Arrival times (performance.timeOrigin + performance.now() at the socket) of texts from..to-1. */
  arrivals(from: number, to: number): Promise<number[][]> {
    return this.ask({ type: 'arrivals', from, to }, (m) => (m.type === 'arrivals' ? m.times : null));
  }

  close(): void {
    this.child.disconnect();
  }
}
