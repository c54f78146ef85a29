import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock per SKU per location. The CHECK constraints are the last line against overselling:
 * reservations are taken with a conditional UPDATE, and the database refuses any row where
 * more is reserved than is on hand.
 */
export class Stock1700000002000 implements MigrationInterface {
  name = 'Stock1700000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock (
        location_id  text NOT NULL,
        sku          text NOT NULL,
        on_hand      integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved     integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        safety_stock integer NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (location_id, sku),
        CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
      )`);
    await q.query(`
      CREATE TABLE reservations (
        id          uuid PRIMARY KEY,
        order_id    uuid NOT NULL,
        line_id     uuid NOT NULL,
        location_id text NOT NULL,
        sku         text NOT NULL,
        quantity    integer NOT NULL CHECK (quantity > 0),
        status      text NOT NULL CHECK (status IN ('ACTIVE', 'RELEASED', 'CONSUMED')),
        created_at  timestamptz NOT NULL,
        UNIQUE (order_id, line_id)
      )`);
    await q.query(`CREATE INDEX reservations_order ON reservations (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reservations`);
    await q.query(`DROP TABLE stock`);
  }
}
