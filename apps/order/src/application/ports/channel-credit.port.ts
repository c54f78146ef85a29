import type { KpiWindow } from '@omni/platform';
import type { EntityManager } from 'typeorm';

/** Orders (or groups) counted and their value, per currency. */
export interface CreditLine {
  readonly currency: string;
  readonly count: number;
  readonly amount: number;
}

export interface ChannelCredit {
  readonly soldHere: CreditLine[];
  readonly collectedHere: CreditLine[];
  readonly shippedFromHere: CreditLine[];
  readonly exchangedHere: CreditLine[];
  readonly takenBackHere: CreditLine[];
}

/** A store's credit in one bucket, channel begun in and currency; amounts come back as text (bigint). */
export interface CreditPerBucketRow {
  bucket: string;
  store_id: string;
  channel: string;
  currency: string;
  sold: number;
  sold_amount: string;
  collected: number;
  collected_amount: string;
  shipped: number;
  shipped_amount: string;
  exchanged: number;
  exchanged_amount: string;
  taken_back: number;
  taken_back_amount: string;
}

/**
 * Channel credit (journey 5): what a store did for orders that began somewhere else, and what it
 * sold for others to fulfil (implemented by infrastructure/channel-credit.repository.ts).
 */
export abstract class ChannelCreditRepository {
  /** One store's credit over [from, to), per kind and currency. */
  abstract of(m: EntityManager, storeId: string, from: Date, to: Date): Promise<ChannelCredit>;

  /** The credit of every store (or one) per bucket, channel and currency, for the KPIs. */
  abstract perBucket(m: EntityManager, w: KpiWindow): Promise<CreditPerBucketRow[]>;
}
