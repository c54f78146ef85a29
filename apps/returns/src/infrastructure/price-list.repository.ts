import { PriceEntry, priceEntryOf, PriceListEntryPayload } from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { PriceListRepository } from '../application/ports/price-list.port';

/** The order service's price list, one row per SKU, as its price-list.changed events said last. */
export const priceListRepository = {
  /** The SKU's prices become `prices`, unless a later change is here already (false then). */
  async replace(m: EntityManager, sku: string, prices: readonly PriceListEntryPayload[], changedAt: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO price_list (sku, prices, changed_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (sku) DO UPDATE SET prices = EXCLUDED.prices, changed_at = EXCLUDED.changed_at WHERE price_list.changed_at <= EXCLUDED.changed_at
       RETURNING sku`,
      [sku, JSON.stringify(prices), changedAt],
    );
    return rows.length === 1;
  },

  /** The prices of each of `skus` (a SKU the list does not have is absent). */
  async forSkus(m: EntityManager, skus: readonly string[]): Promise<Map<string, PriceEntry[]>> {
    if (skus.length === 0) return new Map();
    const rows: { sku: string; prices: PriceListEntryPayload[] }[] = await m.query(`SELECT sku, prices FROM price_list WHERE sku = ANY($1::text[])`, [
      [...new Set(skus)],
    ]);
    return new Map(rows.map((r) => [r.sku, r.prices.map(priceEntryOf)]));
  },
} satisfies PriceListRepository;
