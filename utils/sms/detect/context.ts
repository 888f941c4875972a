// What surrounds a digit run often says it is not a phone number: "#48213-77", "Order 55501420",
// "$1,299.00", "Invoice no. 2026 0042", "1 234 567,89 €". These rules read a few characters
// either side and never the rest of the page, so detection stays cheap on large CRM screens.

const LOOKBEHIND = 48;

// Glued to the preceding character: part of a word, code, amount, path or another number.
const GLUED_BEFORE = /[\p{L}\p{N}_#$€£¥₹%&@=\\/+\-.]$/u;
// A preceding token that mixes letters and digits (IBAN "DE89", UPS "1Z999AA1") continues a code.
const ALPHANUMERIC_TOKEN_BEFORE = /(?:\p{L}\p{N}|\p{N}\p{L})[^\s]*\s+$/u;
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|INR|BRL|MXN|AUD|CAD|NZD|R\$|Rs\.?))\s*$/i;
const HASH_BEFORE = /#\s*$/;
const CODE_KEYWORD_BEFORE = new RegExp(
  '\\b(?:order|invoice|inv|ref|reference|tracking|track|ticket|case|account|acct|a/c|po|sku|serial|s/n|isbn(?:-1[03])?|issn|iban|bic|swift|' +
    'card|zip|postal|postcode|plz|cep|version|ver|build|ip|(?<!caller\\s)id|transaction|txn|confirmation|booking|reservation|' +
    'policy|claim|pin|otp|code|catalog(?:ue)?|lot|batch|amount|total|price|balance|qty|quantity|vat|tax|ssn|nif|siret|cpf|cnpj|licen[cs]e|imei|part|model|' +
    'bestellung|rechnung|kundennummer|commande|facture|pedido|factura|fattura|ordine|nota)' +
    '\\b[\\s.:#-]*(?:(?:number|num|nr|no|n[°º.]|#)[\\s.:#-]*)?$',
  'iu',
);

const GLUED_AFTER = /^[\p{L}\p{N}_%€$£¥₹@]/u;
const DECIMAL_AFTER = /^[.,]\d/;
const UNIT_OR_CURRENCY_AFTER = /^\s*(?:€|£|¥|₹|%|(?:EUR|USD|GBP|CHF|INR|BRL|MXN|AUD|CAD|NZD|kg|km|mg|ml|mm|cm|lbs?|oz|mi)(?!\p{L}))/iu;

export function rejectedByTextBefore(text: string, start: number): boolean {
  // Nothing before: every rule below needs at least one character (the common case of a number
  // alone in its table cell or field, checked without running them).
  if (start === 0) return false;
  const before = text.slice(Math.max(0, start - LOOKBEHIND), start);
  return (
    GLUED_BEFORE.test(before) ||
    ALPHANUMERIC_TOKEN_BEFORE.test(before) ||
    CURRENCY_BEFORE.test(before) ||
    HASH_BEFORE.test(before) ||
    CODE_KEYWORD_BEFORE.test(before)
  );
}

export function rejectedByTextAfter(text: string, end: number): boolean {
  const after = text.slice(end, end + 8);
  return GLUED_AFTER.test(after) || DECIMAL_AFTER.test(after) || UNIT_OR_CURRENCY_AFTER.test(after);
}
