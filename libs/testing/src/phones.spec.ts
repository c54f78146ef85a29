import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { aMobilePhone, nationalFormOf } from './phones';

describe('aMobilePhone', () => {
  it('gives numbers libphonenumber-js holds valid, which read back from their national form', () => {
    const numbers = Array.from({ length: 2000 }, aMobilePhone);
    const invalid = numbers.filter((n) => !parsePhoneNumberFromString(n)?.isValid());
    expect(invalid).toEqual([]);
    const misread = numbers.filter((n) => parsePhoneNumberFromString(nationalFormOf(n), 'FR')?.number !== n);
    expect(misread).toEqual([]);
  });

  it('writes the national form in pairs, as said at a till', () => {
    expect(nationalFormOf('+33612345678')).toBe('06 12 34 56 78');
  });
});
