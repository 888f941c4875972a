import { describe, expect, it } from 'vitest';
import { analyzeSms } from '../../../utils/sms/segments';

describe('analyzeSms — GSM-7', () => {
  it('counts plain text as GSM-7 in one segment', () => {
    expect(analyzeSms('Your technician arrives at 10:30.')).toEqual({
      encoding: 'GSM-7',
      characters: 33,
      units: 33,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 127,
      ucs2Trigger: null,
    });
  });

  it('treats the empty text as no segment with a full one available', () => {
    expect(analyzeSms('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0, perSegment: 160, remainingInSegment: 160 });
  });

  it('fits exactly 160 septets in one segment and needs two at 161', () => {
    expect(analyzeSms('a'.repeat(160))).toMatchObject({ segments: 1, perSegment: 160, remainingInSegment: 0 });
    expect(analyzeSms('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remainingInSegment: 153 * 2 - 161 });
  });

  it('splits concatenated GSM-7 every 153 septets', () => {
    expect(analyzeSms('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(analyzeSms('a'.repeat(307))).toMatchObject({ segments: 3, remainingInSegment: 152 });
  });

  it('keeps the accented letters of the default alphabet in GSM-7', () => {
    for (const text of ['é', 'É', 'è', 'ù', 'ì', 'ò', 'à', 'Ç', 'ñ', 'Ñ', 'ü', 'Ü', 'ö', 'Ä', 'å', 'Ø', 'æ', 'ß', '¿', '¡', '§', '£', '¥', 'Δ', 'Ω', '¤', '@', '_']) {
      expect(analyzeSms(text), text).toMatchObject({ encoding: 'GSM-7', units: 1, ucs2Trigger: null });
    }
  });

  it('counts each extension-table character as two septets', () => {
    for (const text of ['^', '{', '}', '\\', '[', ']', '~', '|', '€', '\f']) {
      expect(analyzeSms(text), JSON.stringify(text)).toMatchObject({ encoding: 'GSM-7', characters: 1, units: 2 });
    }
    expect(analyzeSms('Total: 12€ [paid]')).toMatchObject({ characters: 17, units: 20 });
  });

  it('lets 80 euro signs fill one segment exactly and 81 overflow', () => {
    expect(analyzeSms('€'.repeat(80))).toMatchObject({ units: 160, segments: 1, remainingInSegment: 0 });
    expect(analyzeSms('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('never splits an escape sequence across the 153-septet boundary', () => {
    // 152 septets then '€' (2): the escape cannot straddle, so segment 1 carries 152 and '€' opens segment 2.
    const straddling = analyzeSms('a'.repeat(152) + '€' + 'a'.repeat(10));
    expect(straddling).toMatchObject({ units: 164, segments: 2, perSegment: 153, remainingInSegment: 153 - 12 });

    // 151 + '€' ends exactly at 153: nothing moves.
    const fitting = analyzeSms('a'.repeat(151) + '€' + 'a'.repeat(10));
    expect(fitting).toMatchObject({ units: 163, segments: 2, remainingInSegment: 153 - 10 });

    // 152 + '€' + 152: by raw septets (306) it would be two segments, by carrier packing three.
    expect(analyzeSms('a'.repeat(152) + '€' + 'a'.repeat(152))).toMatchObject({ units: 306, segments: 3, remainingInSegment: 153 - 1 });
  });
});

describe('analyzeSms — UCS-2', () => {
  it('switches to UCS-2 for letters outside the GSM table and names the first one', () => {
    expect(analyzeSms('Merci, ça marche')).toMatchObject({ encoding: 'UCS-2', ucs2Trigger: 'ç', units: 16, perSegment: 70 });
    expect(analyzeSms('Olá João')).toMatchObject({ encoding: 'UCS-2', ucs2Trigger: 'á' });
    expect(analyzeSms('Café crème')).toMatchObject({ encoding: 'GSM-7', ucs2Trigger: null });
    expect(analyzeSms('Une crêpe')).toMatchObject({ encoding: 'UCS-2', ucs2Trigger: 'ê' });
    expect(analyzeSms('Straße, Größe')).toMatchObject({ encoding: 'GSM-7', ucs2Trigger: null });
    expect(analyzeSms('Grüße aus Łódź')).toMatchObject({ encoding: 'UCS-2', ucs2Trigger: 'Ł' });
  });

  it('does not treat smart quotes as GSM', () => {
    expect(analyzeSms('It’s ready')).toMatchObject({ encoding: 'UCS-2', ucs2Trigger: '’' });
  });

  it('counts Chinese text in UTF-16 units', () => {
    expect(analyzeSms('您好，您的订单已发货')).toMatchObject({ encoding: 'UCS-2', characters: 10, units: 10, segments: 1, remainingInSegment: 60, ucs2Trigger: '您' });
  });

  it('names a whole emoji as the trigger and counts it as two units', () => {
    expect(analyzeSms('Thanks 👍')).toMatchObject({ encoding: 'UCS-2', characters: 8, units: 9, ucs2Trigger: '👍' });
    expect(analyzeSms('Ok 👍🏽 see you')).toMatchObject({ ucs2Trigger: '👍🏽', characters: 12, units: 15 });
    expect(analyzeSms('Bonjour 🇫🇷')).toMatchObject({ ucs2Trigger: '🇫🇷', characters: 9, units: 12 });
  });

  it('fits exactly 70 units in one segment and needs two at 71', () => {
    expect(analyzeSms('ç'.repeat(70))).toMatchObject({ segments: 1, perSegment: 70, remainingInSegment: 0 });
    expect(analyzeSms('ç'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67, remainingInSegment: 67 * 2 - 71 });
  });

  it('splits concatenated UCS-2 every 67 units', () => {
    expect(analyzeSms('ç'.repeat(134))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(analyzeSms('ç'.repeat(135))).toMatchObject({ segments: 3, remainingInSegment: 66 });
  });

  it('counts 35 emoji as one full segment and 36 as two', () => {
    expect(analyzeSms('😀'.repeat(35))).toMatchObject({ characters: 35, units: 70, segments: 1, remainingInSegment: 0 });
    // 33 emoji (66 units) fill segment 1, the 34th cannot be cut, so segment 2 holds 3 emoji.
    expect(analyzeSms('😀'.repeat(36))).toMatchObject({ characters: 36, units: 72, segments: 2, remainingInSegment: 67 - 6 });
  });

  it('never splits a surrogate pair across the 67-unit boundary', () => {
    // 66 units then an emoji: the pair moves whole to segment 2, segment 1 carries 66.
    expect(analyzeSms('ç'.repeat(66) + '😀' + 'ç'.repeat(5))).toMatchObject({ units: 73, segments: 2, remainingInSegment: 67 - 7 });
    // 65 + emoji ends exactly at 67.
    expect(analyzeSms('ç'.repeat(65) + '😀' + 'ç'.repeat(5))).toMatchObject({ units: 72, segments: 2, remainingInSegment: 67 - 5 });
    // 66 + emoji + 66 = 134 units: two segments by arithmetic, three on the air.
    expect(analyzeSms('ç'.repeat(66) + '😀' + 'ç'.repeat(66))).toMatchObject({ units: 134, segments: 3, remainingInSegment: 66 });
  });

  it('counts GSM characters at two bytes once the message is UCS-2', () => {
    expect(analyzeSms('€ 5 ç')).toMatchObject({ encoding: 'UCS-2', units: 5 });
  });
});
