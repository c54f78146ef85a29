import { EntityManager } from 'typeorm';
import { NonSellableBucket, ReturnedStockItem, ReturnedStockRepository } from '../application/ports/returned-stock.port';

export const returnedStockRepository = {
  async add(m: EntityManager, locationId: string, sku: string, bucket: NonSellableBucket, quantity: number): Promise<void> {
    await m.query(
      `INSERT INTO returned_stock (location_id, sku, bucket, quantity) VALUES ($1, $2, $3, $4)
       ON CONFLICT (location_id, sku, bucket) DO UPDATE SET quantity = returned_stock.quantity + $4, updated_at = now()`,
      [locationId, sku, bucket, quantity],
    );
  },

  async ofLocation(m: EntityManager, locationId: string, sku: string | null): Promise<ReturnedStockItem[]> {
    return m.query(
      `SELECT sku, bucket, quantity FROM returned_stock WHERE location_id = $1 AND ($2::text IS NULL OR sku = $2) AND quantity > 0 ORDER BY sku, bucket`,
      [locationId, sku],
    );
  },

  /**
   * Takes `quantity` units off the shelves for an exchange only if that many are available (not
   * reserved, not safety stock), in one statement: the replacement can never be a promised unit.
   */
  async tryIssue(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE stock SET on_hand = on_hand - $3, updated_at = now()
        WHERE location_id = $1 AND sku = $2 AND on_hand - reserved - safety_stock >= $3`,
      [locationId, sku, quantity],
    )) as [unknown, number];
    return affected === 1;
  },
} satisfies ReturnedStockRepository;
