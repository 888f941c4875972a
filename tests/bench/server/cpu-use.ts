import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../../../pbx-server/src/db/db';

/** CPU time (user + system, µs) of this process and of the database server's processes. */
export type CpuSnapshot = { node: number; db: number };

// /proc/<pid>/stat: fields after the command's closing parenthesis; ppid is the 2nd, utime/stime the 12th/13th.
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

const TICK_US = 10_000; // USER_HZ = 100 on Linux

/**
 * Where a phase's CPU went: this process (the server, and PGlite's WASM in it) and, on PostgreSQL,
 * the database cluster (the postmaster and all its children: backends, WAL writer...), read from
 * /proc. The two share the machine's cores, so a text's cost is the sum.
 */
export class CpuUse {
  private constructor(private readonly postmaster: string | null) {}

  static async of(db: Db): Promise<CpuUse> {
    if (db.backend !== 'postgres') return new CpuUse(null);
    const [backend] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // A backend's parent is the postmaster.
    return new CpuUse(statFields(String(backend!.pid))![1]!);
  }

  snapshot(): CpuSnapshot {
    const { user, system } = process.cpuUsage();
    return { node: user + system, db: this.postmaster ? this.clusterTicks(this.postmaster) * TICK_US : 0 };
  }

  /** µs of CPU per item since `since`, "node N µs + database M µs". */
  per(since: CpuSnapshot, items: number): string {
    const now = this.snapshot();
    const node = Math.round((now.node - since.node) / items);
    if (!this.postmaster) return `${node} µs`;
    const db = Math.round((now.db - since.db) / items);
    return `${node + db} µs (node ${node} + database ${db})`;
  }

  private clusterTicks(postmaster: string): number {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const fields = statFields(pid);
      if (!fields || (pid !== postmaster && fields[1] !== postmaster)) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks;
  }
}
