import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price list carts are priced from (ADR 0013): per SKU and currency, a general price and
 * store prices, each from a date and possibly until one. Replaced per SKU by PUT /price-list/:sku.
 */
export class PriceList1700000100000 implements MigrationInterface {
  name = 'PriceList1700000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE price_list (
        sku          text NOT NULL,
        currency     char(3) NOT NULL,
        store_id     text NOT NULL DEFAULT '',
        valid_from   timestamptz NOT NULL,
        valid_until  timestamptz,
        unit_price   integer NOT NULL CHECK (unit_price >= 0),
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (sku, currency, store_id, valid_from),
        CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE price_list`);
  }
}
