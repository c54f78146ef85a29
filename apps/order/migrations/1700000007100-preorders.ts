import { MigrationInterface, QueryRunner } from 'typeorm';

const FULFILMENT_STATUSES = [
  'PLACED',
  'PREORDERED',
  'ALLOCATED',
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

/**
 * Preorders with store pickup (docs/preorders.md): products with a release date, a preorder window
 * and caps; a gap-free counter per SKU and store giving each preorder line its place in line; the
 * release date, estimate and places of a preorder group.
 */
export class Preorders1700000007100 implements MigrationInterface {
  name = 'Preorders1700000007100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE preorder_products (
        sku              text PRIMARY KEY,
        release_at       timestamptz NOT NULL,
        opens_at         timestamptz NOT NULL,
        closes_at        timestamptz NOT NULL,
        cap_per_store    integer NOT NULL CHECK (cap_per_store > 0),
        cap_per_customer integer NOT NULL CHECK (cap_per_customer > 0),
        updated_at       timestamptz NOT NULL,
        CHECK (opens_at < closes_at)
      )`);
    await q.query(`
      CREATE TABLE preorder_counters (
        sku           text NOT NULL,
        store_id      text NOT NULL,
        last_sequence integer NOT NULL DEFAULT 0,
        PRIMARY KEY (sku, store_id)
      )`);
    await q.query(`ALTER TABLE fulfilment_groups DROP CONSTRAINT fulfilment_groups_status_check`);
    await q.query(`ALTER TABLE fulfilment_groups ADD CONSTRAINT fulfilment_groups_status_check CHECK (status IN (${list(FULFILMENT_STATUSES)}))`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${list(ORDER_STATUSES)}))`);
    await q.query(`ALTER TABLE fulfilment_groups ADD COLUMN release_at timestamptz, ADD COLUMN estimated_available_at timestamptz`);
    // The release sweeper's query.
    await q.query(`CREATE INDEX fulfilment_groups_release ON fulfilment_groups (release_at) WHERE status = 'ALLOCATED'`);
    await q.query(`
      ALTER TABLE order_lines
        ADD COLUMN preorder_sequence integer CHECK (preorder_sequence > 0),
        ADD COLUMN queue_position    integer,
        ADD COLUMN estimated_at      timestamptz`);
    await q.query(`CREATE INDEX order_lines_preorders ON order_lines (sku) WHERE preorder_sequence IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_lines DROP COLUMN preorder_sequence, DROP COLUMN queue_position, DROP COLUMN estimated_at`);
    await q.query(`ALTER TABLE fulfilment_groups DROP COLUMN release_at, DROP COLUMN estimated_available_at`);
    await q.query(`DROP TABLE preorder_counters`);
    await q.query(`DROP TABLE preorder_products`);
  }
}
