/**
 * Reading a field's label the way the page shows it to people, and telling whether a label or a
 * field name means "phone". Profiles compose these instead of hand-writing DOM walks.
 */

const squash = (text: string | null | undefined): string | null => {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

/** The value of an input or textarea, or undefined for any other element. */
export function formValue(element: Element): string | undefined {
  return element.localName === 'input' || element.localName === 'textarea' ? (element as HTMLInputElement).value : undefined;
}

/** The visible text of an element, whitespace collapsed; a trailing ":" of "Phone:" dropped. */
export function textOf(element: Element | null | undefined): string | null {
  return squash(element?.textContent)?.replace(/\s*:$/, '') || null;
}

/** The label of a form field, in the order assistive technology reads it. */
export function formFieldLabel(field: Element): string | null {
  const aria = squash(field.getAttribute('aria-label'));
  if (aria) return aria;
  const doc = field.ownerDocument;
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = squash(
      labelledBy
        .split(/\s+/)
        .map((id) => doc.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    if (text) return text.replace(/\s*:$/, '');
  }
  const id = field.getAttribute('id');
  if (id) {
    const label = [...doc.querySelectorAll('label[for]')].find((candidate) => candidate.getAttribute('for') === id);
    if (label) return textOf(label);
  }
  const wrapping = field.closest('label');
  if (wrapping) return textOf(wrapping);
  return squash(field.getAttribute('placeholder')) ?? squash(field.getAttribute('title'));
}

/** A label held in an attribute of an enclosing element (`records-record-layout-item[field-label]`). */
export function ancestorAttribute(container: string, attribute: string) {
  return (element: Element): string | null => squash(element.closest(container)?.getAttribute(attribute));
}

/** A label element inside an enclosing element (`.form-row` → `.label`). */
export function ancestorText(container: string, label: string) {
  return (element: Element): string | null => textOf(element.closest(container)?.querySelector(label));
}

// Words for "phone" in the languages of the supported countries, bounded by non-letters so that
// "tel" is found in "Tel." and "billing-tel" but not in "hotel" or "Intel".
const PHONE_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[
    'phone', 'telephone', 'tel', 'mobile', 'mobil', 'cell', 'cellphone', 'msisdn', 'sms', 'whatsapp',
    'landline', 'callback', 'call back',
    'handy', 'handynummer', 'telefon', 'telefonnummer', 'rufnummer', 'rückrufnummer', 'mobilnummer',
    'mobiltelefon', 'festnetz', 'festnetznummer',
    'téléphone', 'portable',
    'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'telefone', 'telemóvel', 'telemovel', 'cellulare',
    'telefoon', 'mobiel', 'gsm', 'telefoonnummer',
    'fon', 'phonenumber',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
// Scripts without spaces between words: matched anywhere.
const PHONE_WORDS_UNSPACED = /電話|携帯|手机|手機|电话|휴대폰|전화|телефон|мобильн/iu;
const NOT_A_PHONE = /(?<![\p{L}\p{N}])(?:fax|telefax|ext|extension|durchwahl|poste)(?![\p{L}\p{N}])/iu;

/**
 * The words of a label or field name, camelCase split too ("mobilePhone", "contact[phone_2]",
 * "txtTelefono" → "mobile Phone contact phone 2 txt Telefono"), and unsplit, so "WhatsApp" stays one.
 */
function words(text: string): string {
  const plain = text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  const split = plain.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2');
  return `${plain} ${split}`;
}

/** True when a label or field name is about a fax or an extension, which are not SMS targets. */
export function saysOtherNumber(text: string | null | undefined): boolean {
  return !!text && NOT_A_PHONE.test(words(text));
}

/** True when a label or field name says it holds a phone number (and not a fax or an extension). */
export function saysPhone(text: string | null | undefined): boolean {
  if (!text || saysOtherNumber(text)) return false;
  return PHONE_WORDS.test(words(text)) || PHONE_WORDS_UNSPACED.test(text);
}
