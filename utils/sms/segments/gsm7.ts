// The GSM 03.38 default alphabet, in table order (0x00–0x7F). 0x1B is the escape to the extension
// table, so it is not a character of its own and is left out.
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ' +
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Reached through the escape, so each costs two septets on the air.
const EXTENSION_TABLE = '\f^{}\\[]~|€';

const BASIC = new Set(BASIC_TABLE);
const EXTENSION = new Set(EXTENSION_TABLE);

/** Septets one code point costs in GSM-7, or null when GSM-7 cannot carry it. */
export function gsm7Septets(codePoint: string): 1 | 2 | null {
  if (BASIC.has(codePoint)) return 1;
  if (EXTENSION.has(codePoint)) return 2;
  return null;
}
