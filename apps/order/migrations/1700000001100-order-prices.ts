import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders carry their currency and each line its unit price (minor units), for captures and refunds. */
export class OrderPrices1700000001100 implements MigrationInterface {
  name = 'OrderPrices1700000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR'`);
    await q.query(`ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT`);
    await q.query(`ALTER TABLE order_lines ADD COLUMN unit_price integer NOT NULL DEFAULT 0 CHECK (unit_price >= 0)`);
    await q.query(`ALTER TABLE order_lines ALTER COLUMN unit_price DROP DEFAULT`);
    // Lines are per SKU and price now: one SKU may appear at two prices.
    await q.query(`ALTER TABLE order_lines DROP CONSTRAINT order_lines_order_id_sku_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_sku_key UNIQUE (order_id, sku)`);
    await q.query(`ALTER TABLE order_lines DROP COLUMN unit_price`);
    await q.query(`ALTER TABLE orders DROP COLUMN currency`);
  }
}
