import { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1700000001000 implements MigrationInterface {
  name = 'Orders1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders (
        id               uuid PRIMARY KEY,
        channel          text NOT NULL,
        store_id         text NOT NULL,
        customer_id      text,
        status           text NOT NULL CHECK (status IN ('PLACED', 'CONFIRMED', 'REJECTED')),
        rejection_reason text,
        placed_at        timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        version          integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX orders_customer ON orders (customer_id) WHERE customer_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE order_lines (
        id        uuid PRIMARY KEY,
        order_id  uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position  integer NOT NULL,
        sku       text NOT NULL,
        quantity  integer NOT NULL CHECK (quantity > 0),
        UNIQUE (order_id, sku)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_lines`);
    await q.query(`DROP TABLE orders`);
  }
}
