import { ServiceConfig } from '@omni/platform';
import { IsIn, IsUrl, Matches } from 'class-validator';

export class ReturnsConfig extends ServiceConfig {
  override PORT: number = 3003;

  /** A projection: takes its events in runs, at most a quarter of a second late (ADR 0016). */
  override CONSUMER_FETCH_MIN_BYTES: number = 64 * 1024;
  override CONSUMER_FETCH_MAX_WAIT_MS: number = 250;

  /**
   * Country (ISO 3166-1 alpha-2) of phone numbers written without +country code, for order lookup
   * by phone: with FR, "06 12 34 56 78" and "+33 6 12 34 56 78" match. Empty: only international
   * forms are normalised.
   */
  @Matches(/^([A-Z]{2})?$/, { message: 'PHONE_DEFAULT_COUNTRY must be an ISO 3166-1 alpha-2 code such as FR, or empty' })
  PHONE_DEFAULT_COUNTRY: string = '';

  /** The carrier that labels return parcels. Only the stand-in exists yet (docs/returns.md, "By mail"). */
  @IsIn(['stand-in'], { message: 'CARRIER must be stand-in (the only carrier adapter yet)' })
  CARRIER: string = 'stand-in';

  /** Where the stand-in carrier says a parcel is followed: <CARRIER_TRACKING_URL>/<trackingNumber>. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'CARRIER_TRACKING_URL must be an http(s) URL' })
  CARRIER_TRACKING_URL: string = 'https://carrier.example/track';
}
