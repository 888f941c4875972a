// `npm run bench`: every tests/bench/**/*.bench.ts in turn, one process each so their memory figures
// do not mix. Each benchmark measures its own baseline in the same run and prints both; nothing here
// asserts a timing. `npm run bench -- sync` runs only the files whose path contains "sync".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const filters = process.argv.slice(2);

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return benchFiles(path);
    return entry.name.endsWith('.bench.ts') ? [path] : [];
  });
}

const files = benchFiles(resolve(root, 'tests/bench'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('no benchmark matched');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n== ${relative(root, file)}`);
  const run = spawnSync('node', ['--expose-gc', '--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
