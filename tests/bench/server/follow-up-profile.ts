import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * BENCH_PROFILE=follow-ups: a CPU profile of this process over the follow-up rounds only (set-up,
 * baseline and first texts left out), written to BENCH_PROFILE_DIR (default: the working directory)
 * as inbound-<backend>.cpuprofile, to see where a follow-up's CPU goes. The profiler slows the run:
 * the figures of a profiled run are not the benchmark's figures.
 */
export async function profileFollowUps(backend: string): Promise<{ stop(): Promise<void> } | null> {
  if (process.env.BENCH_PROFILE !== 'follow-ups') return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      const file = `${process.env.BENCH_PROFILE_DIR ?? '.'}/inbound-${backend}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the follow-up rounds: ${file}`);
    },
  };
}
