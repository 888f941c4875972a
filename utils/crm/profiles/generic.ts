import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile } from './schema';

/**
 * Any other site the agent enabled: phone inputs only (text numbers are the page scanner's job),
 * no case reading, no case links.
 */
export const genericProfile = defineCrmProfile({
  id: 'generic',
  name: 'Any website',
  matches: ['<all_urls>'],
  phoneFields: [anyPhoneInput],
  fixtures: [
    { file: 'contact-form-multilingual.html', url: 'https://shop.example.org/account/contact' },
  ],
});
