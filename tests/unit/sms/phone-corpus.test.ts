import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { findPhoneNumbers, type SupportedCountry } from '../../../utils/sms/detect';
import positives from '../../fixtures/phone-corpus/positives.json';
import negatives from '../../fixtures/phone-corpus/negatives.json';

interface Expected {
  e164: string;
  extension?: string;
}
interface PositiveCase {
  text: string;
  defaultCountry: SupportedCountry;
  expected: Expected[];
}
interface NegativeCase {
  text: string;
  defaultCountry: SupportedCountry;
  category: string;
}

const positiveCases = positives as PositiveCase[];
const negativeCases = negatives as NegativeCase[];
const key = (found: Expected) => `${found.e164};ext=${found.extension ?? ''}`;

function score() {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const { text, defaultCountry, expected } of positiveCases) {
    const unmatched = expected.map(key);
    for (const found of findPhoneNumbers(text, { defaultCountry }).map(key)) {
      const index = unmatched.indexOf(found);
      if (index === -1) {
        falsePositives += 1;
        misses.push(`unexpected ${found} in ${JSON.stringify(text)}`);
      } else {
        truePositives += 1;
        unmatched.splice(index, 1);
      }
    }
    falseNegatives += unmatched.length;
    misses.push(...unmatched.map((missing) => `missed ${missing} in ${JSON.stringify(text)}`));
  }
  for (const { text, defaultCountry } of negativeCases) {
    const found = findPhoneNumbers(text, { defaultCountry });
    falsePositives += found.length;
    misses.push(...found.map((match) => `false positive ${match.raw} in ${JSON.stringify(text)}`));
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    misses,
  };
}

describe('phone number corpus', () => {
  it('is large and labelled with numbers libphonenumber itself (full max metadata) calls valid', () => {
    expect(positiveCases.length).toBeGreaterThanOrEqual(220);
    expect(negativeCases.length).toBeGreaterThanOrEqual(120);
    for (const { expected } of positiveCases) {
      for (const { e164 } of expected) expect(parsePhoneNumberFromString(e164)?.isValid(), e164).toBe(true);
    }
  });

  it('detects with precision and recall of at least 0.99', () => {
    const result = score();
    console.log(
      `phone corpus: ${positiveCases.length} positive texts, ${negativeCases.length} negative texts; ` +
        `TP ${result.truePositives}, FP ${result.falsePositives}, FN ${result.falseNegatives}; ` +
        `precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)}`,
    );
    for (const miss of result.misses) console.log(`  ${miss}`);
    expect(result.precision).toBeGreaterThanOrEqual(0.99);
    expect(result.recall).toBeGreaterThanOrEqual(0.99);
  });
});
