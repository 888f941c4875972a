// Serves the demo CRM (demo/app.ts) with the cases in cases.json.
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemoApp } from './app';
import { createStore } from './store';

const casesFile = fileURLToPath(new URL('./cases.json', import.meta.url));
const app = createDemoApp(createStore(JSON.parse(readFileSync(casesFile, 'utf8'))));

const port = Number(process.env.DEMO_PORT ?? 8788);
const hostname = process.env.HOST ?? '127.0.0.1';
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Parley demo CRM listening on http://${hostname}:${info.port}`);
});
