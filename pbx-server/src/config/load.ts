import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PbxConfigSchema, type PbxConfig } from './schema';

export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../config/demo.json', import.meta.url));

/** Reads and validates a config file; errors name the file and the offending path. */
export function loadConfig(path: string = DEMO_CONFIG_PATH): PbxConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read config ${path}: ${(err as Error).message}`);
  }
  const result = PbxConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid config ${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}
