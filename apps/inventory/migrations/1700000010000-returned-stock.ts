import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returned units that cannot be sold: damaged ones, and faulty ones waiting to go back to their
 * vendor, per location and SKU. Sellable returns go back on hand in `stock`; these never count
 * as available.
 */
export class ReturnedStock1700000010000 implements MigrationInterface {
  name = 'ReturnedStock1700000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE returned_stock (
        location_id text NOT NULL,
        sku         text NOT NULL,
        bucket      text NOT NULL CHECK (bucket IN ('damaged', 'return-to-vendor')),
        quantity    integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (location_id, sku, bucket)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE returned_stock`);
  }
}
