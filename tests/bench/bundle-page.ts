// Benchmarks that measure in a browser page bundle their page module with Vite into one IIFE
// (global `bench`), which the page then evaluates.
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export async function bundleBenchPage(entry: string): Promise<string> {
  const output = (await build({
    root,
    logLevel: 'error',
    configFile: false,
    build: {
      write: false,
      minify: true,
      lib: { entry, name: 'bench', formats: ['iife'], fileName: () => 'bench.js' },
    },
  })) as Rollup.RollupOutput[];
  return (output[0]!.output[0] as Rollup.OutputChunk).code;
}
