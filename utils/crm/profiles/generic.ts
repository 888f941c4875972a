import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const genericPageProfile = definePageProfile({
  id: 'generic',
  phoneFields: [anyPhoneInput],
});

/**
 * Any other site the agent enabled: phone inputs only (text numbers are the page scanner's job),
 * no case reading, no case links.
 */
export const genericProfile = defineCrmProfile(genericPageProfile, {
  name: 'Any website',
  matches: ['<all_urls>'],
  fixtures: [
    { file: 'contact-form-multilingual.html', url: 'https://shop.example.org/account/contact' },
  ],
});
