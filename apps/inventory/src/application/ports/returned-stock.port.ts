import type { EntityManager } from 'typeorm';

export type NonSellableBucket = 'damaged' | 'return-to-vendor';

export interface ReturnedStockItem {
  readonly sku: string;
  readonly bucket: NonSellableBucket;
  readonly quantity: number;
}

/** Returned units that cannot be sold, per location, SKU and bucket, and the exchange's take off the shelves (implemented over SQL by returnedStockRepository). */
export abstract class ReturnedStockRepository {
  abstract add(m: EntityManager, locationId: string, sku: string, bucket: NonSellableBucket, quantity: number): Promise<void>;

  abstract ofLocation(m: EntityManager, locationId: string, sku: string | null): Promise<ReturnedStockItem[]>;

  /**
   * Takes `quantity` units off the shelves for an exchange only if that many are available (not
   * reserved, not safety stock), in one statement: the replacement can never be a promised unit.
   */
  abstract tryIssue(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<boolean>;
}
