// "ext. 12", "x12", "#12", "extension 204", and the German, French, Spanish, Italian and
// Portuguese equivalents CRM users type after a switchboard number.
const EXTENSION_AFTER = /^[ \t\u00A0]*,?[ \t\u00A0]*(?:ext\.?|extn\.?|extension|x|#|durchwahl|dw\.?|poste|interno|int\.|ramal|anexo)[ \t\u00A0]*[.:]?[ \t\u00A0]*(\d{1,6})(?![\p{L}\p{N}])/iu;

export interface ExtensionMatch {
  extension: string;
  end: number;
}

/** The extension written right after a number ending at `end`, if any. */
export function readExtension(text: string, end: number): ExtensionMatch | undefined {
  const match = EXTENSION_AFTER.exec(text.slice(end, end + 32));
  if (match?.[1] === undefined) return undefined;
  return { extension: match[1], end: end + match[0].length };
}
