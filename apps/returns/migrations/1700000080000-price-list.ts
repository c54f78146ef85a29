import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price list as the order service publishes it (price-list.changed): each SKU's prices, the
 * latest replacing what came before. An exchange's replacements are priced from it (ADR 0019);
 * a return records who priced them off it, if anyone did.
 */
export class PriceList1700000080000 implements MigrationInterface {
  name = 'PriceList1700000080000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE price_list (sku text PRIMARY KEY, prices jsonb NOT NULL, changed_at timestamptz NOT NULL)`);
    await q.query(`ALTER TABLE returns ADD COLUMN price_override jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE returns DROP COLUMN price_override`);
    await q.query(`DROP TABLE price_list`);
  }
}
