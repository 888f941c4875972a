import { normalizeToE164, type SupportedCountry } from '../../sms/detect';
import { formFieldLabel, formValue, saysOtherNumber, saysPhone } from './labels';
import type { PhoneField, PhoneFieldRule } from './schema';

export interface ReadOptions {
  /** How numbers written nationally are read. */
  defaultCountry: SupportedCountry;
}

/** What the field shows: a form field's value, a `tel:` link's text, or the element's text. */
function shownNumber(element: Element): { raw: string; href?: string } {
  const value = formValue(element);
  if (value !== undefined) return { raw: value.trim() };
  const link = element.matches('a[href^="tel:" i]') ? element : element.querySelector('a[href^="tel:" i]');
  const raw = (link ?? element).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { raw, href: link?.getAttribute('href') ?? undefined };
}

/**
 * The phone fields under `root` that hold a valid number, in page order, once each even when
 * several rules find the same element. Empty fields are left out: there is no one to text yet.
 */
export function findPhoneFields(rules: readonly PhoneFieldRule[], root: ParentNode, { defaultCountry }: ReadOptions): PhoneField[] {
  const found = new Map<Element, PhoneField>();
  for (const rule of rules) {
    for (const element of root.querySelectorAll(rule.selector)) {
      if (found.has(element) || (rule.accept && !rule.accept(element))) continue;
      const { raw, href } = shownNumber(element);
      // A tel: link's target is exact; its text may be shortened or decorated.
      const e164 = (href && normalizeToE164(href, defaultCountry)) || normalizeToE164(raw, defaultCountry);
      if (!e164) continue;
      found.set(element, { element, label: rule.label(element) ?? null, raw: raw || e164, e164 });
    }
  }
  return [...found.values()].sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

const AUTOCOMPLETE_TEL = /(?:^|\s)tel(?:-national|-local)?(?:\s|$)/i;
const TEXT_LIKE_TYPES = new Set(['', 'text', 'search']);

/**
 * Any site's phone inputs: `type=tel`, `autocomplete=tel…`, or a text input whose label, name or
 * id says phone in one of the supported languages.
 */
export const anyPhoneInput: PhoneFieldRule = {
  selector: 'input',
  accept(input) {
    const names = [formFieldLabel(input), input.getAttribute('name'), input.getAttribute('id')];
    // A fax or extension field may be type=tel too, but is nobody's SMS number.
    if (names.some(saysOtherNumber)) return false;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'tel') return true;
    if (!TEXT_LIKE_TYPES.has(type)) return false;
    return AUTOCOMPLETE_TEL.test(input.getAttribute('autocomplete') ?? '') || names.some(saysPhone);
  },
  label: formFieldLabel,
};
