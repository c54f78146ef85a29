import { ServiceConfig } from '@omni/platform';
import { IsIn, Length } from 'class-validator';
import { getCountries } from 'libphonenumber-js/max';

/** The key of the development default, refused in production (see erasureHashKey). */
export const DEV_ERASURE_HASH_KEY = 'development-only-erasure-hash-key';

export class CustomerConfig extends ServiceConfig {
  override PORT: number = 3004;

  /** A projection: takes its events in runs, at most a quarter of a second late (ADR 0016). */
  override CONSUMER_FETCH_MIN_BYTES: number = 64 * 1024;
  override CONSUMER_FETCH_MAX_WAIT_MS: number = 250;

  /** Region a phone number written without its country code is read in (ISO 3166-1 alpha-2). */
  @IsIn(getCountries(), { message: 'PHONE_DEFAULT_REGION must be an ISO 3166-1 alpha-2 region libphonenumber-js knows' })
  PHONE_DEFAULT_REGION: string = 'FR';

  /** Secret key of the hashes an erasure keeps of a customer's identities (the tombstone); at least 16 characters. */
  @Length(16, 512)
  ERASURE_HASH_KEY: string = DEV_ERASURE_HASH_KEY;
}

/** The tombstone key; production must set its own, or the hashes would be guessable from a public default. */
export function erasureHashKey(c: CustomerConfig): string {
  if (c.NODE_ENV === 'production' && c.ERASURE_HASH_KEY === DEV_ERASURE_HASH_KEY) {
    throw new Error('ERASURE_HASH_KEY must be set in production');
  }
  return c.ERASURE_HASH_KEY;
}
