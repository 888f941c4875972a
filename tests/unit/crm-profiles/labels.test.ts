import { describe, expect, it } from 'vitest';
import { saysPhone } from '../../../utils/crm/profiles/labels';

describe('saysPhone', () => {
  it.each([
    'Phone', 'Mobile', 'Mobile Phone', 'Tel.', 'billing-tel', 'contact[phone_2]', 'mobilePhone', 'txtTelefono', 'Cell', 'WhatsApp number', 'Callback number',
    'Handy', 'Handynummer', 'Telefonnummer', 'Festnetz', 'Téléphone', 'Portable', 'Teléfono móvil', 'Celular', 'Telemóvel', 'Cellulare', 'Telefoon', 'Mobiel',
    '電話番号', '手机号码', 'Телефон', '휴대폰 번호', 'Landline',
  ])('"%s" is a phone field', (label) => {
    expect(saysPhone(label)).toBe(true);
  });

  it.each(['Hotel name', 'hotelName', 'Title', 'Intel', 'Order number', 'Fax', 'Telefax', 'Phone extension', 'Ext.', 'Postal code', 'Telegram handle', 'Cellar', '', null])(
    '"%s" is not',
    (label) => {
      expect(saysPhone(label)).toBe(false);
    },
  );
});
