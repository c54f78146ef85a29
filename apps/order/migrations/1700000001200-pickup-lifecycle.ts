import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = [
  'PLACED',
  'RESERVED',
  'AWAITING_TRANSFER',
  'PICKING',
  'RESOURCING',
  'PARTIALLY_READY',
  'READY_FOR_PICKUP',
  'COLLECTED',
  'EXPIRED',
  'CANCELLED',
  'REJECTED',
];

/**
 * The click & collect lifecycle: the new statuses, what was picked and cancelled per line and
 * where it comes from, the pickup code (salted hash only), the deadline the sweeper reads, and the
 * payment requests the order sent with the results the payment system reported.
 */
export class PickupLifecycle1700000001200 implements MigrationInterface {
  name = 'PickupLifecycle1700000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    // CONFIRMED meant "every line reserved at the store" in the skeleton.
    await q.query(`UPDATE orders SET status = 'RESERVED' WHERE status = 'CONFIRMED'`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES.map((s) => `'${s}'`).join(', ')}))`);
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN ready_by             timestamptz,
        ADD COLUMN pickup_hold_days     integer CHECK (pickup_hold_days > 0),
        ADD COLUMN pickup_code_hash     text,
        ADD COLUMN pickup_code_salt     text,
        ADD COLUMN pickup_deadline      timestamptz,
        ADD COLUMN failed_code_attempts integer NOT NULL DEFAULT 0 CHECK (failed_code_attempts >= 0),
        ADD COLUMN ready_at             timestamptz,
        ADD COLUMN collected_at         timestamptz,
        ADD COLUMN cancelled_by         text CHECK (cancelled_by IN ('customer', 'store', 'system')),
        ADD COLUMN cancellation_reason  text,
        ADD COLUMN cancelled_at         timestamptz,
        ADD COLUMN expired_at           timestamptz`);
    // The expiry sweeper's query: ready orders by deadline, and nothing else in the index.
    await q.query(`CREATE INDEX orders_pickup_deadline ON orders (pickup_deadline) WHERE status = 'READY_FOR_PICKUP'`);
    await q.query(`CREATE INDEX orders_store_status ON orders (store_id, status)`);
    await q.query(`
      ALTER TABLE order_lines
        ADD COLUMN picked_quantity     integer NOT NULL DEFAULT 0 CHECK (picked_quantity >= 0),
        ADD COLUMN cancelled_quantity  integer NOT NULL DEFAULT 0 CHECK (cancelled_quantity >= 0),
        ADD COLUMN source_location_id  text,
        ADD COLUMN pending_transfer_id uuid,
        ADD CONSTRAINT order_lines_accounted CHECK (picked_quantity + cancelled_quantity <= quantity)`);
    await q.query(`
      CREATE TABLE payment_requests (
        id           uuid PRIMARY KEY,
        order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        kind         text NOT NULL CHECK (kind IN ('capture', 'refund')),
        amount       integer NOT NULL CHECK (amount >= 0),
        currency     char(3) NOT NULL,
        reason       text,
        requested_at timestamptz NOT NULL,
        status       text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'DONE')),
        done_amount  integer,
        done_at      timestamptz
      )`);
    await q.query(`CREATE INDEX payment_requests_order ON payment_requests (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_requests`);
    await q.query(`
      ALTER TABLE order_lines
        DROP CONSTRAINT order_lines_accounted,
        DROP COLUMN picked_quantity, DROP COLUMN cancelled_quantity, DROP COLUMN source_location_id, DROP COLUMN pending_transfer_id`);
    await q.query(`DROP INDEX orders_store_status`);
    await q.query(`DROP INDEX orders_pickup_deadline`);
    await q.query(`
      ALTER TABLE orders
        DROP COLUMN ready_by, DROP COLUMN pickup_hold_days, DROP COLUMN pickup_code_hash, DROP COLUMN pickup_code_salt,
        DROP COLUMN pickup_deadline, DROP COLUMN failed_code_attempts, DROP COLUMN ready_at, DROP COLUMN collected_at,
        DROP COLUMN cancelled_by, DROP COLUMN cancellation_reason, DROP COLUMN cancelled_at, DROP COLUMN expired_at`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await q.query(`UPDATE orders SET status = 'CONFIRMED' WHERE status NOT IN ('PLACED', 'REJECTED')`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('PLACED', 'CONFIRMED', 'REJECTED'))`);
  }
}
