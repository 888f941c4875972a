import type { SupportedCountry, Verdicts } from '../sms/detect';
import { scanForNumbers, type PhoneSpot } from './detect';
import type { CrmPageProfile } from './profiles/schema';
import { phoneFieldsOnScreen } from './profiles/screen';

export interface SpotOptions {
  profile: CrmPageProfile;
  defaultCountry: SupportedCountry;
  /** The page's address, for the profile's case pages; the document's own by default. */
  url?: URL;
  /** Numbers this page already validated (utils/sms/detect); the watcher keeps one for the page's lifetime. */
  verdicts?: Verdicts;
}

/**
 * Where SMS buttons go under `roots` (the page, or the subtrees a mutation batch added): the phone
 * fields the profile knows (inputs included) and the numbers in the text, each once. Field elements
 * are claimed first, so a number shown in a field gets one button, not two. The profile's fields
 * are looked up once per call, however many roots there are.
 */
export function findSpots(roots: readonly Element[], seen: WeakSet<Node>, { profile, defaultCountry, url, verdicts }: SpotOptions): PhoneSpot[] {
  if (roots.length === 0) return [];
  const document = roots[0]!.ownerDocument;
  const spots: PhoneSpot[] = [];
  for (const field of phoneFieldsOnScreen(profile, document, url ?? new URL(document.URL), { defaultCountry })) {
    if (seen.has(field.element) || !roots.some((root) => root.contains(field.element))) continue;
    seen.add(field.element);
    const walker = document.createTreeWalker(field.element, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) seen.add(walker.currentNode);
    spots.push({ after: field.element, hit: { e164: field.e164, formatted: field.raw } });
  }
  // A loop, not push(...spots): spreading a large page's ten thousand spots as arguments cost more
  // than a tenth of the pass.
  for (const root of roots) for (const spot of scanForNumbers(root, seen, defaultCountry, verdicts)) spots.push(spot);
  return spots;
}
