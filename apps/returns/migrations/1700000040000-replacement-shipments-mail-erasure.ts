import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exchanges whose replacement is shipped (AWAITING_SHIPMENT, the address, the delivery order),
 * returns by mail (the channel the units came back by), and erasure of the read model's contact.
 */
export class ReplacementShipmentsMailErasure1700000040000 implements MigrationInterface {
  name = 'ReplacementShipmentsMailErasure1700000040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE returns DROP CONSTRAINT returns_status_check`);
    await q.query(
      `ALTER TABLE returns ADD CONSTRAINT returns_status_check CHECK (status IN ('AWAITING_REPLACEMENT', 'AWAITING_SHIPMENT', 'COMPLETED', 'REPLACEMENT_UNAVAILABLE'))`,
    );
    await q.query(`ALTER TABLE returns ADD COLUMN channel text NOT NULL DEFAULT 'store' CHECK (channel IN ('store', 'mail'))`);
    await q.query(`ALTER TABLE returns ADD COLUMN ship_to jsonb`);
    await q.query(`ALTER TABLE returns ADD COLUMN replacement_order_id uuid`);
    // Orders of erased customers: their contact is never stored again (an order.placed arriving late).
    await q.query(`CREATE TABLE erased_orders (order_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erased_orders`);
    for (const c of ['replacement_order_id', 'ship_to', 'channel']) await q.query(`ALTER TABLE returns DROP COLUMN ${c}`);
    await q.query(`ALTER TABLE returns DROP CONSTRAINT returns_status_check`);
    await q.query(`ALTER TABLE returns ADD CONSTRAINT returns_status_check CHECK (status IN ('AWAITING_REPLACEMENT', 'COMPLETED', 'REPLACEMENT_UNAVAILABLE'))`);
  }
}
