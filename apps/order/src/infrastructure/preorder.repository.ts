import { EntityManager } from 'typeorm';
import { PreorderProduct, PreorderRepository } from '../application/ports/preorder.port';

interface ProductRow {
  sku: string;
  release_at: Date;
  opens_at: Date;
  closes_at: Date;
  cap_per_store: number;
  cap_per_customer: number;
}

const toProduct = (r: ProductRow): PreorderProduct => ({
  sku: r.sku,
  releaseAt: r.release_at,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  capPerStore: r.cap_per_store,
  capPerCustomer: r.cap_per_customer,
});

/** Statuses of a preorder group that still counts against the caps. */
const COUNTED = `('PLACED', 'PREORDERED', 'ALLOCATED', 'AWAITING_TRANSFER', 'READY_FOR_PICKUP', 'COLLECTED')`;

export const preorderRepository = {
  async find(m: EntityManager, sku: string): Promise<PreorderProduct | null> {
    const rows: ProductRow[] = await m.query(`SELECT * FROM preorder_products WHERE sku = $1`, [sku]);
    return rows[0] ? toProduct(rows[0]) : null;
  },

  /** The product, locked against a concurrent change of its release date. */
  async findForShare(m: EntityManager, sku: string): Promise<PreorderProduct | null> {
    const rows: ProductRow[] = await m.query(`SELECT * FROM preorder_products WHERE sku = $1 FOR SHARE`, [sku]);
    return rows[0] ? toProduct(rows[0]) : null;
  },

  async findForUpdate(m: EntityManager, sku: string): Promise<PreorderProduct | null> {
    const rows: ProductRow[] = await m.query(`SELECT * FROM preorder_products WHERE sku = $1 FOR UPDATE`, [sku]);
    return rows[0] ? toProduct(rows[0]) : null;
  },

  async save(m: EntityManager, p: PreorderProduct, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO preorder_products (sku, release_at, opens_at, closes_at, cap_per_store, cap_per_customer, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sku) DO UPDATE SET release_at = $2, opens_at = $3, closes_at = $4, cap_per_store = $5, cap_per_customer = $6, updated_at = $7`,
      [p.sku, p.releaseAt, p.opensAt, p.closesAt, p.capPerStore, p.capPerCustomer, now],
    );
  },

  /**
   * The next place in line for a SKU at a store. The counter row stays locked until the placing
   * transaction ends, so places are handed out in commit order without gaps: a placement that
   * rolls back gives its number back.
   */
  async nextSequence(m: EntityManager, sku: string, storeId: string): Promise<number> {
    await m.query(`INSERT INTO preorder_counters (sku, store_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [sku, storeId]);
    // An UPDATE answers [rows, affected] through TypeORM's PostgreSQL driver.
    const [rows] = (await m.query(`UPDATE preorder_counters SET last_sequence = last_sequence + 1 WHERE sku = $1 AND store_id = $2 RETURNING last_sequence`, [
      sku,
      storeId,
    ])) as [{ last_sequence: number }[], number];
    return rows[0].last_sequence;
  },

  /** Units of a SKU preordered at a store and still counting (call with the store's counter locked). */
  async unitsAtStore(m: EntityManager, sku: string, storeId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT COALESCE(SUM(l.quantity - l.cancelled_quantity), 0)::int AS n FROM order_lines l JOIN fulfilment_groups g ON g.id = l.fulfilment_id
        WHERE l.sku = $1 AND l.preorder_sequence IS NOT NULL AND g.store_id = $2 AND g.status IN ${COUNTED}`,
      [sku, storeId],
    );
    return rows[0].n;
  },

  /**
   * Units of a SKU preordered by one customer (by customer id, else by e-mail) across stores.
   * An advisory lock per SKU and customer makes two stores' placements for one customer queue.
   */
  async unitsOfCustomer(m: EntityManager, sku: string, customer: { customerId: string | null; email: string | null }): Promise<number> {
    const key = customer.customerId ? `id:${customer.customerId}` : `email:${customer.email}`;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('preorder-customer:' || $1 || ':' || $2))`, [sku, key]);
    const rows: { n: number }[] = await m.query(
      `SELECT COALESCE(SUM(l.quantity - l.cancelled_quantity), 0)::int AS n FROM order_lines l
         JOIN fulfilment_groups g ON g.id = l.fulfilment_id JOIN orders o ON o.id = l.order_id
        WHERE l.sku = $1 AND l.preorder_sequence IS NOT NULL AND g.status IN ${COUNTED}
          AND (($2::text IS NOT NULL AND o.customer_id = $2) OR ($2::text IS NULL AND lower(o.contact->>'email') = $3))`,
      [sku, customer.customerId, customer.email],
    );
    return rows[0].n;
  },

  /** Orders with an open preorder group holding the SKU: a release date change reaches them all. */
  async openOrdersOf(m: EntityManager, sku: string): Promise<string[]> {
    const rows: { order_id: string }[] = await m.query(
      `SELECT DISTINCT g.order_id FROM fulfilment_groups g JOIN order_lines l ON l.fulfilment_id = g.id
        WHERE l.sku = $1 AND g.release_at IS NOT NULL AND g.status IN ('PLACED', 'PREORDERED', 'ALLOCATED', 'AWAITING_TRANSFER') ORDER BY g.order_id`,
      [sku],
    );
    return rows.map((r) => r.order_id);
  },

  /** Locks the order of the allocated preorder with the earliest passed release date no other sweeper holds. */
  async lockNextReleased(m: EntityManager, now: Date): Promise<{ orderId: string; fulfilmentId: string } | null> {
    const rows: { id: string; order_id: string }[] = await m.query(
      `SELECT g.id, g.order_id FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
        WHERE g.status = 'ALLOCATED' AND g.release_at <= $1 ORDER BY g.release_at LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      [now],
    );
    return rows[0] ? { orderId: rows[0].order_id, fulfilmentId: rows[0].id } : null;
  },
} satisfies PreorderRepository;
