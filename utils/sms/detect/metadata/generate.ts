// Regenerates phone-metadata.json from the installed libphonenumber-js. Run after upgrading it or
// changing SUPPORTED_COUNTRIES: `npx tsx utils/sms/detect/metadata/generate.ts`.
import { writeFileSync } from 'node:fs';
import full from 'libphonenumber-js/metadata.max.json';
import type { MetadataJson } from 'libphonenumber-js/core';
import { SUPPORTED_COUNTRIES } from './countries';
import { pruneMetadata } from './prune';

const pruned = pruneMetadata(full as MetadataJson, SUPPORTED_COUNTRIES);
writeFileSync(new URL('./phone-metadata.json', import.meta.url), `${JSON.stringify(pruned)}\n`);
