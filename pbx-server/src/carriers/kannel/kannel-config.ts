import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The template shipped in pbx-server/kannel/, next to its README. */
export const KANNEL_TEMPLATE_PATH = fileURLToPath(new URL('../../../kannel/kannel.conf.template', import.meta.url));

export type KannelConfigValues = {
  ADMIN_PORT: number;
  ADMIN_PASSWORD: string;
  STATUS_PASSWORD: string;
  SMSBOX_PORT: number;
  SENDSMS_PORT: number;
  SENDSMS_USERNAME: string;
  SENDSMS_PASSWORD: string;
  FAKE_SMSC_PORT: number;
  FAKE_SMSC_MO_PORT: number;
  /** Where Parley listens, e.g. http://127.0.0.1:3000 (no trailing slash). */
  PARLEY_BASE_URL: string;
  /** The carrier's shared secret (carriers.<name>.token in Parley's config), sent back on every get-url. */
  PARLEY_TOKEN: string;
  LOG_DIR: string;
  /** 0 debug .. 4 panic. */
  LOG_LEVEL: number;
};

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/**
 * Fills every {{NAME}} of the template. Strict both ways, because Kannel silently ignores what it does
 * not understand: a placeholder left in, or a value that would break out of its quoted string, must
 * fail here rather than as a box that quietly misbehaves.
 */
export function renderKannelConfig(template: string, values: KannelConfigValues): string {
  const table = values as Record<string, string | number>;
  for (const [name, value] of Object.entries(table)) {
    if (/["\r\n]/.test(String(value))) throw new Error(`kannel config: ${name} must not contain quotes or newlines`);
  }
  if (/%/.test(values.PARLEY_BASE_URL)) {
    // The base URL sits inside a get-url pattern, where % starts an escape code.
    throw new Error('kannel config: PARLEY_BASE_URL must not contain %');
  }
  if (values.PARLEY_BASE_URL.endsWith('/')) throw new Error('kannel config: PARLEY_BASE_URL must not end with /');
  // Also inside the get-url pattern; the same rule as Parley's config enforces for carriers.<name>.token.
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(values.PARLEY_TOKEN)) throw new Error('kannel config: PARLEY_TOKEN must be 16-128 characters of A-Z a-z 0-9 _ -');
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = table[name];
    if (value === undefined) throw new Error(`kannel config: no value for {{${name}}}`);
    return String(value);
  });
}

export async function loadKannelTemplate(path = KANNEL_TEMPLATE_PATH): Promise<string> {
  return readFile(path, 'utf8');
}
