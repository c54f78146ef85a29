import { Channel } from '@omni/contracts';
import { prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { CancelledBy, Fulfilment, FulfilmentBase, Order, OrderLine } from '../domain/order';
import { DELIVERY_STATUSES, OrderStatus, PICKUP_STATUSES } from '../domain/order-status';
import { OrderRepository } from '../application/ports/order.port';
import { ReturnsTakenBackRepository } from '../application/ports/returns-taken-back.port';
import { GroupRow, LineRow, OrderRow, PartRow, sql } from './order.sql';

function lineOf(r: PartRow): OrderLine {
  return {
    lineId: r.line_id!,
    sku: r.line_sku!,
    quantity: r.line_quantity!,
    unitPrice: r.line_unit_price!,
    pickedQuantity: r.line_picked_quantity!,
    cancelledQuantity: r.line_cancelled_quantity!,
    sourceLocationId: r.line_source_location_id,
    pendingTransferId: r.line_pending_transfer_id,
    ...(r.line_preorder_sequence !== null
      ? { preorderSequence: r.line_preorder_sequence, queuePosition: r.line_queue_position, estimatedAt: r.line_estimated_at }
      : {}),
  };
}

/**
 * A group of order `o` from its rows of the parts statement (one per line, in line order), as the
 * kind its `type` column names, with that kind's own columns only (the other kind's are not read).
 * A kind this service does not know, or a state its kind does not have, is a broken row: it is
 * refused loudly rather than read as a group some machine would act on.
 */
function fulfilmentOf(o: OrderRow, rows: readonly PartRow[]): Fulfilment {
  const [g] = rows;
  const group = groupBaseOf(o, g, rows);
  if (g.type === 'pickup') {
    return {
      ...group,
      type: 'pickup',
      status: statusOf(g, PICKUP_STATUSES),
      pickupHoldDays: g.pickup_hold_days,
      pickupCode: g.pickup_code_hash && g.pickup_code_salt ? { hash: g.pickup_code_hash, salt: g.pickup_code_salt } : null,
      pickupDeadline: g.pickup_deadline,
      failedCodeAttempts: g.failed_code_attempts,
      remindedAt: g.reminded_at,
      collectedAt: g.collected_at,
      expiredAt: g.expired_at,
    };
  }
  if (g.type === 'delivery') {
    return {
      ...group,
      type: 'delivery',
      status: statusOf(g, DELIVERY_STATUSES),
      address: g.address,
      carrier: g.carrier,
      trackingNumber: g.tracking_number,
      packedAt: g.packed_at,
      shippedAt: g.shipped_at,
      deliveredAt: g.delivered_at,
      deliveryFailure: g.delivery_failure,
    };
  }
  throw new Error(`fulfilment group ${g.id} of order ${o.id} has an unknown type: ${g.type}`);
}

/** The row's state, when it is one of its kind's `statuses`. */
function statusOf<S extends string>(g: GroupRow, statuses: readonly S[]): S {
  const status = statuses.find((s) => s === g.status);
  if (status === undefined) throw new Error(`fulfilment group ${g.id} is a ${g.type} in state ${g.status}, which a ${g.type} does not have`);
  return status;
}

/** What a group's rows say whatever its kind. */
function groupBaseOf(o: OrderRow, g: GroupRow, rows: readonly PartRow[]): FulfilmentBase {
  return {
    id: g.id,
    orderId: o.id,
    channel: o.channel as Channel,
    customerId: o.customer_id,
    currency: o.currency,
    prepaid: o.captured_tenders.length > 0,
    storeId: g.store_id,
    lines: rows.filter((r) => r.line_id !== null).map(lineOf),
    updatedAt: g.updated_at,
    rejectionReason: g.rejection_reason,
    readyBy: g.ready_by,
    readyAt: g.ready_at,
    cancelledBy: g.cancelled_by as CancelledBy | null,
    cancellationReason: g.cancellation_reason,
    cancelledAt: g.cancelled_at,
    releaseAt: g.release_at,
    estimatedAvailableAt: g.estimated_available_at,
  };
}

function orderOf(r: OrderRow, parts: readonly PartRow[]): Order {
  const groups = new Map<string, PartRow[]>();
  for (const p of parts) groups.set(p.id, [...(groups.get(p.id) ?? []), p]);
  return {
    id: r.id,
    channel: r.channel as Channel,
    placedAtStoreId: r.placed_at_store_id,
    customerId: r.customer_id,
    contact: r.contact,
    currency: r.currency,
    capturedTenders: r.captured_tenders,
    status: r.status as OrderStatus,
    fulfilments: [...groups.values()].map((rows) => fulfilmentOf(r, rows)),
    placedAt: r.placed_at,
    updatedAt: r.updated_at,
  };
}

function orderRow(o: Order): OrderRow {
  return {
    id: o.id,
    channel: o.channel,
    placed_at_store_id: o.placedAtStoreId,
    customer_id: o.customerId,
    contact: o.contact,
    currency: o.currency,
    captured_tenders: [...o.capturedTenders],
    status: o.status,
    placed_at: o.placedAt,
    updated_at: o.updatedAt,
  };
}

/**
 * A group's row: every column, whatever its kind. The other kind's columns are written as placing
 * writes them — NULL, and no wrong codes (0) for a delivery — so the row is the one a group of
 * either kind always had.
 */
function groupRow(f: Fulfilment, position: number): GroupRow {
  const pickup = f.type === 'pickup' ? f : null;
  const delivery = f.type === 'delivery' ? f : null;
  return {
    id: f.id,
    order_id: f.orderId,
    position,
    type: f.type,
    store_id: f.storeId,
    address: delivery?.address ?? null,
    status: f.status,
    updated_at: f.updatedAt,
    rejection_reason: f.rejectionReason,
    ready_by: f.readyBy,
    pickup_hold_days: pickup?.pickupHoldDays ?? null,
    pickup_code_hash: pickup?.pickupCode?.hash ?? null,
    pickup_code_salt: pickup?.pickupCode?.salt ?? null,
    pickup_deadline: pickup?.pickupDeadline ?? null,
    failed_code_attempts: pickup?.failedCodeAttempts ?? 0,
    ready_at: f.readyAt,
    reminded_at: pickup?.remindedAt ?? null,
    collected_at: pickup?.collectedAt ?? null,
    cancelled_by: f.cancelledBy,
    cancellation_reason: f.cancellationReason,
    cancelled_at: f.cancelledAt,
    expired_at: pickup?.expiredAt ?? null,
    carrier: delivery?.carrier ?? null,
    tracking_number: delivery?.trackingNumber ?? null,
    packed_at: delivery?.packedAt ?? null,
    shipped_at: delivery?.shippedAt ?? null,
    delivered_at: delivery?.deliveredAt ?? null,
    delivery_failure: delivery?.deliveryFailure ?? null,
    release_at: f.releaseAt,
    estimated_available_at: f.estimatedAvailableAt,
  };
}

/** The rows of an order's lines; lines keep their position in the order across groups (a split moves lines, never renumbers them). */
function lineRows(o: Order): LineRow[] {
  return o.fulfilments
    .flatMap((f) => f.lines.map((l) => ({ f, l })))
    .map(({ f, l }, position) => ({
      id: l.lineId,
      order_id: o.id,
      fulfilment_id: f.id,
      position,
      sku: l.sku,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      picked_quantity: l.pickedQuantity,
      cancelled_quantity: l.cancelledQuantity,
      source_location_id: l.sourceLocationId,
      pending_transfer_id: l.pendingTransferId,
      preorder_sequence: l.preorderSequence ?? null,
      queue_position: l.queuePosition ?? null,
      estimated_at: l.estimatedAt ?? null,
    }));
}

const rowsOf = (orders: readonly Order[]): [string, string, string] => [
  JSON.stringify(orders.map(orderRow)),
  JSON.stringify(orders.flatMap((o) => o.fulfilments.map(groupRow))),
  JSON.stringify(orders.flatMap(lineRows)),
];

/** Orders as they stand (locked when `lock`, see sql.parts), by id; those that do not exist are missing. */
async function loaded(m: EntityManager, ids: readonly string[], lock: boolean): Promise<Map<string, Order>> {
  if (ids.length === 0) return new Map();
  const { rows } = await prepared<OrderRow>(m, (lock ? sql.lock : sql.read).name, (lock ? sql.lock : sql.read).text, [[...ids]]);
  if (rows.length === 0) return new Map();
  const parts = await prepared<PartRow>(m, sql.parts.name, sql.parts.text, [rows.map((r) => r.id)]);
  const byOrder = new Map<string, PartRow[]>(rows.map((r) => [r.id, []]));
  for (const p of parts.rows) byOrder.get(p.order_id)!.push(p);
  return new Map(rows.map((r) => [r.id, orderOf(r, byOrder.get(r.id)!)]));
}

/** The order of a group the caller's statement just locked, with the group's id. */
async function lockedGroup(m: EntityManager, rows: readonly { id: string; order_id: string }[]): Promise<{ order: Order; fulfilmentId: string } | null> {
  if (rows.length === 0) return null;
  const order = (await loaded(m, [rows[0].order_id], false)).get(rows[0].order_id);
  return order ? { order, fulfilmentId: rows[0].id } : null;
}

/** Orders in and out of PostgreSQL as domain values; rows never leave this file's layer. */
export const orderRepository = {
  /** The order, its groups and its lines, in one statement. */
  async insert(m: EntityManager, o: Order): Promise<void> {
    await orderRepository.insertMany(m, [o]);
  },

  /** New orders (a group commit's), their groups and their lines, in one statement. */
  async insertMany(m: EntityManager, created: readonly Order[]): Promise<void> {
    if (created.length === 0) return;
    await prepared(m, sql.insert.name, sql.insert.text, rowsOf(created));
  },

  /** Loads and locks the order row for the rest of the transaction: every change to an order or its groups holds it. */
  async findForUpdate(m: EntityManager, id: string): Promise<Order | null> {
    return (await loaded(m, [id], true)).get(id) ?? null;
  },

  /** Loads and locks several orders (a consumed run's), in id order; orders that do not exist are missing from the map. */
  async findManyForUpdate(m: EntityManager, ids: readonly string[]): Promise<Map<string, Order>> {
    return loaded(m, ids, true);
  },

  /** The order as it stands (no lock: a read). */
  async find(m: EntityManager, id: string): Promise<Order | null> {
    return (await loaded(m, [id], false)).get(id) ?? null;
  },

  /** The order a fulfilment group belongs to, or null when the id names no group. */
  async orderIdOfFulfilment(m: EntityManager, fulfilmentId: string): Promise<string | null> {
    const rows: { order_id: string }[] = await m.query('SELECT order_id FROM fulfilment_groups WHERE id = $1', [fulfilmentId]);
    return rows[0]?.order_id ?? null;
  },

  /**
   * Locks the order of the ready pickup group with the earliest passed deadline that no other
   * sweeper holds. Each expiry then runs in the caller's transaction, so two replicas never
   * expire one group twice.
   */
  async lockNextExpired(m: EntityManager, now: Date): Promise<{ order: Order; fulfilmentId: string } | null> {
    const rows: { id: string; order_id: string }[] = await m.query(
      `SELECT g.id, g.order_id FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
       WHERE g.status = 'READY_FOR_PICKUP' AND g.pickup_deadline <= $1
       ORDER BY g.pickup_deadline LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      [now],
    );
    return lockedGroup(m, rows);
  },

  /**
   * Locks the order of the ready pickup group whose reminder is due (its deadline less than
   * `beforeMs` away, not passed, not reminded yet) and that no other sweeper holds.
   */
  async lockNextReminderDue(m: EntityManager, now: Date, beforeMs: number): Promise<{ order: Order; fulfilmentId: string } | null> {
    const rows: { id: string; order_id: string }[] = await m.query(
      `SELECT g.id, g.order_id FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
       WHERE g.status = 'READY_FOR_PICKUP' AND g.reminded_at IS NULL AND g.pickup_deadline > $1 AND g.pickup_deadline <= $2
         AND g.ready_at < g.pickup_deadline - make_interval(secs => $3::double precision / 1000)
       ORDER BY g.pickup_deadline LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      [now, new Date(now.getTime() + beforeMs), beforeMs],
    );
    return lockedGroup(m, rows);
  },

  /** Groups the location has to pick: reserved or being picked, earliest promise first (three statements, whatever their number). */
  async pickList(m: EntityManager, locationId: string): Promise<Fulfilment[]> {
    const due: { id: string; order_id: string }[] = await m.query(
      `SELECT id, order_id FROM fulfilment_groups WHERE store_id = $1 AND status IN ('RESERVED', 'PICKING') ORDER BY ready_by, updated_at`,
      [locationId],
    );
    const orders = await loaded(m, [...new Set(due.map((g) => g.order_id))], false);
    return due.flatMap((g) => orders.get(g.order_id)?.fulfilments.filter((f) => f.id === g.id) ?? []);
  },

  /**
   * Saves orders as their decisions left them (a consumed run's, each once): summaries, every group
   * and line (new groups of a split included), in one statement, so a run's orders cost one round
   * trip, not one each. The caller holds the orders' locks (findForUpdate, findManyForUpdate).
   */
  async updateMany(m: EntityManager, updated: readonly Order[]): Promise<void> {
    if (updated.length === 0) return;
    await prepared(m, sql.update.name, sql.update.text, rowsOf(updated));
  },
} satisfies OrderRepository;

/** Returns completed at a store or returns centre (channel credit, docs/fulfilment.md). */
export const returnsTakenBackRepository = {
  /** Where a return was completed, or null when its return.completed has not arrived. */
  async storeOf(m: EntityManager, returnId: string): Promise<string | null> {
    const rows: { store_id: string }[] = await m.query('SELECT store_id FROM returns_taken_back WHERE return_id = $1', [returnId]);
    return rows[0]?.store_id ?? null;
  },
} satisfies ReturnsTakenBackRepository;

/** What the returns service paid back of an order's tenders, one row per refund and tender (ADR 0011). */
export const returnRefundRepository = {
  async record(
    m: EntityManager,
    r: { refundId: string; orderId: string; returnId: string; at: string; tenders: readonly { tender: string; amount: number; reference: string }[] },
  ): Promise<void> {
    for (const t of r.tenders.filter((x) => x.amount > 0)) {
      await m.query(
        `INSERT INTO return_refund_tenders (refund_id, reference, order_id, return_id, tender, amount, refunded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (refund_id, reference) DO NOTHING`,
        [r.refundId, t.reference, r.orderId, r.returnId, t.tender, t.amount, r.at],
      );
    }
  },
};
