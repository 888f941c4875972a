// Code to run inside an extension page (seeding its Dexie, measuring in it): bundled by Vite into
// one IIFE that defines `globalThis[name]`. Extension pages forbid injected <script> (CSP), so the
// caller evaluates the text through the DevTools protocol (page.evaluate), which the CSP allows.
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';

const root = resolve(import.meta.dirname, '../../..');

export async function bundleForPage(entry: string, name: string): Promise<string> {
  const output = (await build({
    root,
    logLevel: 'error',
    configFile: false,
    build: { write: false, minify: true, lib: { entry, name, formats: ['iife'], fileName: () => `${name}.js` } },
  })) as Rollup.RollupOutput[];
  return (output[0]!.output[0] as Rollup.OutputChunk).code;
}
