import { MigrationInterface, QueryRunner } from 'typeorm';

const FULFILMENT_STATUSES = [
  'PLACED',
  'RESERVED',
  'AWAITING_TRANSFER',
  'PICKING',
  'RESOURCING',
  'PARTIALLY_READY',
  'READY_FOR_PICKUP',
  'COLLECTED',
  'EXPIRED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'DELIVERY_FAILED',
  'CANCELLED',
  'REJECTED',
];
const ORDER_STATUSES = [...FULFILMENT_STATUSES, 'IN_PROGRESS', 'PARTIALLY_FULFILLED', 'COMPLETED', 'CLOSED'];
const list = (xs: string[]) => xs.map((s) => `'${s}'`).join(', ');

/** Columns that describe how an order is fulfilled, which move from the order to its groups. */
const MOVED = [
  'rejection_reason',
  'ready_by',
  'pickup_hold_days',
  'pickup_code_hash',
  'pickup_code_salt',
  'pickup_deadline',
  'failed_code_attempts',
  'ready_at',
  'collected_at',
  'cancelled_by',
  'cancellation_reason',
  'cancelled_at',
  'expired_at',
];

/**
 * Fulfilment groups (ADR 0007): an order's lines are fulfilled in groups, each picked up at a store
 * or delivered to an address, each with its own state. Every existing order becomes one pickup
 * group with the order's id, holding all its lines and its state; the order keeps a summary state,
 * the store whose POS placed it, the contact given at checkout and any payment already captured.
 */
export class FulfilmentGroups1700000006000 implements MigrationInterface {
  name = 'FulfilmentGroups1700000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fulfilment_groups (
        id                   uuid PRIMARY KEY,
        order_id             uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position             integer NOT NULL,
        type                 text NOT NULL CHECK (type IN ('pickup', 'delivery')),
        store_id             text,
        address              jsonb,
        status               text NOT NULL CHECK (status IN (${list(FULFILMENT_STATUSES)})),
        updated_at           timestamptz NOT NULL,
        version              integer NOT NULL DEFAULT 1,
        rejection_reason     text,
        ready_by             timestamptz,
        pickup_hold_days     integer CHECK (pickup_hold_days > 0),
        pickup_code_hash     text,
        pickup_code_salt     text,
        pickup_deadline      timestamptz,
        failed_code_attempts integer NOT NULL DEFAULT 0 CHECK (failed_code_attempts >= 0),
        ready_at             timestamptz,
        collected_at         timestamptz,
        cancelled_by         text CHECK (cancelled_by IN ('customer', 'store', 'system')),
        cancellation_reason  text,
        cancelled_at         timestamptz,
        expired_at           timestamptz,
        carrier              text,
        tracking_number      text,
        packed_at            timestamptz,
        shipped_at           timestamptz,
        delivered_at         timestamptz,
        delivery_failure     text,
        CHECK (type = 'delivery' OR store_id IS NOT NULL),
        CHECK (type = 'pickup' OR address IS NOT NULL)
      )`);
    await q.query(`
      INSERT INTO fulfilment_groups (id, order_id, position, type, store_id, status, updated_at, ${MOVED.join(', ')})
      SELECT id, id, 0, 'pickup', store_id, status, updated_at, ${MOVED.join(', ')} FROM orders`);
    await q.query(`CREATE INDEX fulfilment_groups_order ON fulfilment_groups (order_id)`);
    // The expiry sweeper's query, and a location's pick list.
    await q.query(`CREATE INDEX fulfilment_groups_pickup_deadline ON fulfilment_groups (pickup_deadline) WHERE status = 'READY_FOR_PICKUP'`);
    await q.query(`CREATE INDEX fulfilment_groups_location_status ON fulfilment_groups (store_id, status)`);

    await q.query(`ALTER TABLE order_lines ADD COLUMN fulfilment_id uuid REFERENCES fulfilment_groups (id) ON DELETE CASCADE`);
    await q.query(`UPDATE order_lines SET fulfilment_id = order_id`);
    await q.query(`ALTER TABLE order_lines ALTER COLUMN fulfilment_id SET NOT NULL`);
    await q.query(`CREATE INDEX order_lines_fulfilment ON order_lines (fulfilment_id)`);
    await q.query(`ALTER TABLE payment_requests ADD COLUMN fulfilment_id uuid`);

    await q.query(`DROP INDEX orders_store_status`);
    await q.query(`DROP INDEX orders_pickup_deadline`);
    await q.query(`ALTER TABLE orders ${MOVED.map((c) => `DROP COLUMN ${c}`).join(', ')}, DROP COLUMN store_id`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${list(ORDER_STATUSES)}))`);
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN placed_at_store_id text,
        ADD COLUMN contact            jsonb,
        ADD COLUMN captured_tenders   jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(): Promise<void> {
    // Orders with several groups or deliveries have no shape in the old schema.
    throw new Error('fulfilment groups cannot be migrated down: restore the database from a backup taken before the upgrade');
  }
}
