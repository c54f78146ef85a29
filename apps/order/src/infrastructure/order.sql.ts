import { byKey } from '@omni/platform';
import type { Address, CapturedTender, Contact } from '../domain/order';

/*
 * The order repository's statements, written out once and named: each is prepared once per
 * connection (docs/adr/0016-throughput.md). Rows are typed as PostgreSQL returns them through pg
 * (timestamptz as Date, jsonb parsed); rows written go in as JSON arrays whose keys are the column
 * names, read back by jsonb_populate_recordset with the table's own column types.
 */

export interface OrderRow {
  id: string;
  channel: string;
  placed_at_store_id: string | null;
  customer_id: string | null;
  contact: Contact | null;
  currency: string;
  captured_tenders: CapturedTender[];
  status: string;
  placed_at: Date;
  updated_at: Date;
}

export interface GroupRow {
  id: string;
  order_id: string;
  position: number;
  type: string;
  store_id: string | null;
  address: Address | null;
  status: string;
  updated_at: Date;
  rejection_reason: string | null;
  ready_by: Date | null;
  pickup_hold_days: number | null;
  pickup_code_hash: string | null;
  pickup_code_salt: string | null;
  pickup_deadline: Date | null;
  failed_code_attempts: number;
  ready_at: Date | null;
  reminded_at: Date | null;
  collected_at: Date | null;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  cancelled_at: Date | null;
  expired_at: Date | null;
  carrier: string | null;
  tracking_number: string | null;
  packed_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  delivery_failure: string | null;
  release_at: Date | null;
  estimated_available_at: Date | null;
}

export interface LineRow {
  id: string;
  order_id: string;
  fulfilment_id: string;
  position: number;
  sku: string;
  quantity: number;
  unit_price: number;
  picked_quantity: number;
  cancelled_quantity: number;
  source_location_id: string | null;
  pending_transfer_id: string | null;
  preorder_sequence: number | null;
  queue_position: number | null;
  estimated_at: Date | null;
}

/** A group as the parts statement returns it: one row per line, the line's columns prefixed (none for a group without lines). */
export type PartRow = GroupRow & { [K in keyof LineRow as `line_${K}`]: LineRow[K] | null };

const ORDER = `id, channel, placed_at_store_id, customer_id, contact, currency, captured_tenders, status, placed_at, updated_at`;

/** Every group column a decision may change (all but id, order_id and type). */
const GROUP_CHANGES = `position, store_id, address, status, updated_at, rejection_reason, ready_by, pickup_hold_days,
  pickup_code_hash, pickup_code_salt, pickup_deadline, failed_code_attempts, ready_at, reminded_at, collected_at,
  cancelled_by, cancellation_reason, cancelled_at, expired_at, carrier, tracking_number, packed_at, shipped_at,
  delivered_at, delivery_failure, release_at, estimated_available_at`;
const GROUP = `id, order_id, type, ${GROUP_CHANGES}`;

/** Every line column a decision may change (a split moves a line to another group). */
const LINE_CHANGES = `fulfilment_id, position, sku, quantity, unit_price, picked_quantity, cancelled_quantity, source_location_id,
  pending_transfer_id, preorder_sequence, queue_position, estimated_at`;
const LINE = `id, order_id, ${LINE_CHANGES}`;

const prefixed = (alias: string, columns: string, prefix = ''): string =>
  columns
    .split(',')
    .map((c) => `${alias}.${c.trim()}${prefix ? ` AS ${prefix}${c.trim()}` : ''}`)
    .join(', ');
const assigned = (columns: string, from: string): string =>
  columns
    .split(',')
    .map((c) => `${c.trim()} = ${from}.${c.trim()}`)
    .join(', ');

export const sql = {
  /** New orders, their groups and their lines (a group commit's): $1 orders, $2 groups, $3 lines. */
  insert: {
    name: 'order-insert',
    text: `WITH o AS (INSERT INTO orders (${ORDER}, version) SELECT ${ORDER}, 1 FROM jsonb_populate_recordset(NULL::orders, $1::jsonb)),
            g AS (INSERT INTO fulfilment_groups (${GROUP}, version) SELECT ${GROUP}, 1 FROM jsonb_populate_recordset(NULL::fulfilment_groups, $2::jsonb))
       INSERT INTO order_lines (${LINE}) SELECT ${LINE} FROM jsonb_populate_recordset(NULL::order_lines, $3::jsonb)`,
  },

  /** Order rows by id, locked in id order so that two runs never wait on each other the wrong way round. */
  lock: { name: 'order-lock', text: `SELECT o.* FROM ${byKey('orders', ORDER, 'id', 'o', { lock: true })}` },

  /** Order rows by id, without a lock (a read). */
  read: { name: 'order-read', text: `SELECT o.* FROM ${byKey('orders', ORDER, 'id', 'o')}` },

  /**
   * The groups and lines of orders: a row per line with its group (a group without lines once, its
   * line columns null). Read after the orders' locks, in a statement of its own, so that they are
   * those the last holder of a lock committed (one statement would read them with the snapshot it
   * took before waiting).
   */
  parts: {
    name: 'order-parts',
    text: `SELECT ${prefixed('g', GROUP)}, ${prefixed('l', LINE, 'line_')}
       FROM ${byKey('fulfilment_groups', '*', 'order_id', 'g')}
       LEFT JOIN LATERAL (SELECT * FROM order_lines WHERE order_lines.fulfilment_id = g.id OFFSET 0) AS l ON true
       ORDER BY g.order_id, g.position, l.position`,
  },

  /**
   * Saves decided orders (a consumed run's): $1 the orders, $2 every group, $3 every line. Each row
   * goes in by its primary key (ON CONFLICT), so every plan probes the key's index: an UPDATE … FROM
   * the recordset lets a generic plan, made once per connection while the tables are small, join by
   * hash over a whole table for good (docs/adr/0016-throughput.md). A split's new groups are
   * inserted; a group or line a decision left alone is not rewritten (no new row version, no WAL).
   * A group or line is only ever changed as part of its own order (`order_id`).
   */
  update: {
    name: 'order-update',
    text: `WITH o AS (INSERT INTO orders AS t (${ORDER}, version)
                  SELECT ${ORDER}, 1 FROM jsonb_populate_recordset(NULL::orders, $1::jsonb)
                  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, contact = EXCLUDED.contact, version = t.version + 1),
            g AS (INSERT INTO fulfilment_groups AS t (${GROUP}, version)
                  SELECT ${GROUP}, 1 FROM jsonb_populate_recordset(NULL::fulfilment_groups, $2::jsonb)
                  ON CONFLICT (id) DO UPDATE SET ${assigned(GROUP_CHANGES, 'EXCLUDED')}
                  WHERE t.order_id = EXCLUDED.order_id AND (${prefixed('t', GROUP_CHANGES)}) IS DISTINCT FROM (${prefixed('EXCLUDED', GROUP_CHANGES)}))
       INSERT INTO order_lines AS t (${LINE})
       SELECT ${LINE} FROM jsonb_populate_recordset(NULL::order_lines, $3::jsonb)
       ON CONFLICT (id) DO UPDATE SET ${assigned(LINE_CHANGES, 'EXCLUDED')}
       WHERE t.order_id = EXCLUDED.order_id AND (${prefixed('t', LINE_CHANGES)}) IS DISTINCT FROM (${prefixed('EXCLUDED', LINE_CHANGES)})`,
  },
} as const;
