import { spawn, type ChildProcess } from 'node:child_process';

/*
 * A child process whose output is kept (for parsing and for error messages) and whose exit can be
 * awaited. Everything the Kannel harness starts goes through here so that stop() can always end it.
 */

const MAX_KEPT = 2_000_000; // characters of output kept per process; Kannel at debug level is chatty

export class LoggedChild {
  private out = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  readonly process: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    cwd: string,
  ) {
    this.process = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.out += chunk.toString('utf8');
      if (this.out.length > MAX_KEPT) this.out = this.out.slice(-MAX_KEPT);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.process.once('error', (err) => {
        this.out += `\n[spawn error: ${err.message}]\n`;
        this.exitInfo ??= { code: null, signal: null };
        resolve();
      });
      this.process.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve();
      });
    });
  }

  get output(): string {
    return this.out;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  describeExit(): string {
    if (!this.exitInfo) return `${this.name} is running`;
    return `${this.name} exited (code ${this.exitInfo.code}, signal ${this.exitInfo.signal})`;
  }

  tail(lines = 30): string {
    return this.out.split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM (Kannel shuts down cleanly on it), SIGKILL if it is still there after graceMs. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.hasExited) return;
    this.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const result = await Promise.race([this.exited.then(() => 'exited' as const), gaveUp]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.process.kill('SIGKILL');
      await this.exited;
    }
  }

  /** Last resort from a process 'exit' handler, where nothing asynchronous runs. */
  killNow(): void {
    if (!this.hasExited) this.process.kill('SIGKILL');
  }
}
