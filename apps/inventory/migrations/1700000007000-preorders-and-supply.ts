import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Preorders (docs/preorders.md): incoming supply per SKU and destination, and the queue of
 * preorders per SKU and store, served first come, first served.
 */
export class PreordersAndSupply1700000007000 implements MigrationInterface {
  name = 'PreordersAndSupply1700000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supply (
        id                uuid PRIMARY KEY,
        sku               text NOT NULL,
        location_id       text NOT NULL REFERENCES locations (id),
        quantity          integer NOT NULL CHECK (quantity > 0),
        expected_at       timestamptz NOT NULL,
        reference         text NOT NULL,
        status            text NOT NULL CHECK (status IN ('EXPECTED', 'RECEIVED', 'CANCELLED')),
        received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX supply_expected ON supply (sku) WHERE status = 'EXPECTED'`);
    await q.query(`
      CREATE TABLE preorder_queue (
        line_id       uuid PRIMARY KEY,
        order_id      uuid NOT NULL,
        fulfilment_id uuid NOT NULL,
        sku           text NOT NULL,
        store_id      text NOT NULL,
        quantity      integer NOT NULL CHECK (quantity > 0),
        sequence      integer NOT NULL CHECK (sequence > 0),
        placed_at     timestamptz NOT NULL,
        status        text NOT NULL CHECK (status IN ('WAITING', 'ALLOCATED', 'CANCELLED')),
        position      integer,
        estimated_at  timestamptz,
        allocated_at  timestamptz,
        updated_at    timestamptz NOT NULL,
        UNIQUE (sku, store_id, sequence)
      )`);
    await q.query(`CREATE INDEX preorder_queue_waiting ON preorder_queue (sku, store_id, sequence) WHERE status = 'WAITING'`);
    await q.query(`CREATE INDEX preorder_queue_order ON preorder_queue (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preorder_queue`);
    await q.query(`DROP TABLE supply`);
  }
}
