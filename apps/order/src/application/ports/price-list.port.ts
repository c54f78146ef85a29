import type { PriceEntry } from '@omni/contracts';
import type { EntityManager } from 'typeorm';

/** The price list, SKU by SKU (implemented by infrastructure/price-list.repository.ts). */
export abstract class PriceListRepository {
  /** The SKU's prices become exactly `entries` (none: the SKU leaves the list). */
  abstract replace(m: EntityManager, sku: string, entries: readonly PriceEntry[], now: Date): Promise<void>;

  /** The SKU's entries, and when they last changed (null: the list has none). */
  abstract find(m: EntityManager, sku: string): Promise<{ entries: PriceEntry[]; updatedAt: Date | null }>;

  /** Every SKU's entries. */
  abstract all(m: EntityManager): Promise<Map<string, PriceEntry[]>>;

  /** The entries of each of `skus` in `currency` (a SKU without any is absent). */
  abstract forSkus(m: EntityManager, skus: readonly string[], currency: string): Promise<Map<string, PriceEntry[]>>;
}
