import { PriceEntry, PriceListEntryPayload } from '@omni/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The order service's price list as its price-list.changed events said last, in the caller's
 * transaction (implemented by infrastructure/price-list.repository.ts).
 */
export abstract class PriceListRepository {
  /** The SKU's prices become `prices`, unless a later change is here already (false then). */
  abstract replace(m: EntityManager, sku: string, prices: readonly PriceListEntryPayload[], changedAt: Date): Promise<boolean>;

  /** The prices of each of `skus` (a SKU the list does not have is absent). */
  abstract forSkus(m: EntityManager, skus: readonly string[]): Promise<Map<string, PriceEntry[]>>;
}
