import { randomInt } from 'node:crypto';

/**
 * A French mobile number (E.164) that libphonenumber-js accepts as valid, unique enough for a
 * test run. Not every `+336…` number is valid: the 639, 690–694, 696 and 697 ranges are not
 * allocated, and the services drop an invalid phone, so a random `+336` + 8 digits failed to
 * match about one time in twelve. `+3361` + 7 digits is always in an allocated range.
 */
export function aMobilePhone(): string {
  return `+3361${String(randomInt(10_000_000)).padStart(7, '0')}`;
}

/** The same number written as a French customer says it at a till: `06 1x xx xx xx`. */
export function nationalFormOf(e164: string): string {
  const digits = `0${e164.slice(3)}`;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
