// Our servers print one line "… listening on http://host:port" once they accept connections;
// waiting for it (instead of sleeping) is how scripts and tests know a server is ready.
import type { ChildProcess } from 'node:child_process';

const LISTENING = /listening on (http:\/\/\S+)/;

export function waitForListeningLine(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      const match = LISTENING.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${seen}`));
    });
  });
}
