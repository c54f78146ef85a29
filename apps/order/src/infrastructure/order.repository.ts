import { Channel, FulfilmentType } from '@omni/contracts';
import { prepared, statementNameOf } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { CancelledBy, Fulfilment, FulfilmentStatus, Order, OrderLine, OrderStatus } from '../domain/order';
import { OrderRepository } from '../application/ports/order.port';
import { ReturnsTakenBackRepository } from '../application/ports/returns-taken-back.port';
import { FulfilmentRecord, OrderLineRecord, OrderRecord } from './order.records';

function lineOf(l: OrderLineRecord): OrderLine {
  return {
    lineId: l.id,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    pickedQuantity: l.pickedQuantity,
    cancelledQuantity: l.cancelledQuantity,
    sourceLocationId: l.sourceLocationId,
    pendingTransferId: l.pendingTransferId,
    ...(l.preorderSequence !== null ? { preorderSequence: l.preorderSequence, queuePosition: l.queuePosition, estimatedAt: l.estimatedAt } : {}),
  };
}

function fulfilmentOf(o: OrderRecord, f: FulfilmentRecord, lines: OrderLineRecord[]): Fulfilment {
  return {
    id: f.id,
    orderId: o.id,
    type: f.type as FulfilmentType,
    channel: o.channel as Channel,
    customerId: o.customerId,
    currency: o.currency,
    prepaid: o.capturedTenders.length > 0,
    storeId: f.storeId,
    address: f.address,
    status: f.status as FulfilmentStatus,
    lines: lines.filter((l) => l.fulfilmentId === f.id).sort((a, b) => a.position - b.position).map(lineOf),
    updatedAt: f.updatedAt,
    rejectionReason: f.rejectionReason,
    readyBy: f.readyBy,
    pickupHoldDays: f.pickupHoldDays,
    pickupCode: f.pickupCodeHash && f.pickupCodeSalt ? { hash: f.pickupCodeHash, salt: f.pickupCodeSalt } : null,
    pickupDeadline: f.pickupDeadline,
    failedCodeAttempts: f.failedCodeAttempts,
    readyAt: f.readyAt,
    remindedAt: f.remindedAt,
    collectedAt: f.collectedAt,
    cancelledBy: f.cancelledBy as CancelledBy | null,
    cancellationReason: f.cancellationReason,
    cancelledAt: f.cancelledAt,
    expiredAt: f.expiredAt,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    packedAt: f.packedAt,
    shippedAt: f.shippedAt,
    deliveredAt: f.deliveredAt,
    deliveryFailure: f.deliveryFailure,
    releaseAt: f.releaseAt,
    estimatedAvailableAt: f.estimatedAvailableAt,
  };
}

function fulfilmentColumns(f: Fulfilment, position: number) {
  return {
    id: f.id,
    orderId: f.orderId,
    position,
    type: f.type,
    storeId: f.storeId,
    address: f.address,
    status: f.status,
    updatedAt: f.updatedAt,
    rejectionReason: f.rejectionReason,
    readyBy: f.readyBy,
    pickupHoldDays: f.pickupHoldDays,
    pickupCodeHash: f.pickupCode?.hash ?? null,
    pickupCodeSalt: f.pickupCode?.salt ?? null,
    pickupDeadline: f.pickupDeadline,
    failedCodeAttempts: f.failedCodeAttempts,
    readyAt: f.readyAt,
    remindedAt: f.remindedAt,
    collectedAt: f.collectedAt,
    cancelledBy: f.cancelledBy,
    cancellationReason: f.cancellationReason,
    cancelledAt: f.cancelledAt,
    expiredAt: f.expiredAt,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    packedAt: f.packedAt,
    shippedAt: f.shippedAt,
    deliveredAt: f.deliveredAt,
    deliveryFailure: f.deliveryFailure,
    releaseAt: f.releaseAt,
    estimatedAvailableAt: f.estimatedAvailableAt,
  };
}

function lineColumns(orderId: string, f: Fulfilment, l: OrderLine, position: number) {
  return {
    id: l.lineId,
    orderId,
    fulfilmentId: f.id,
    position,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    pickedQuantity: l.pickedQuantity,
    cancelledQuantity: l.cancelledQuantity,
    sourceLocationId: l.sourceLocationId,
    pendingTransferId: l.pendingTransferId,
    preorderSequence: l.preorderSequence ?? null,
    queuePosition: l.queuePosition ?? null,
    estimatedAt: l.estimatedAt ?? null,
  };
}

type Row = Record<string, unknown>;

/** A record from a row read as JSON (to_jsonb): columns by their database names, timestamps as ISO strings. */
function fromJson<T>(m: EntityManager, entity: new () => T, row: Row): T {
  const out: Row = {};
  for (const c of m.connection.getMetadata(entity).columns) {
    const v = row[c.databaseName];
    out[c.propertyName] = v === null || v === undefined ? null : c.type === 'timestamptz' ? new Date(v as string) : v;
  }
  return out as T;
}

/** A record as a row for jsonb_populate_recordset: columns by their database names. */
function toJson<T>(m: EntityManager, entity: new () => T, record: Partial<T>): Row {
  const out: Row = {};
  for (const c of m.connection.getMetadata(entity).columns) {
    const v = (record as Row)[c.propertyName];
    if (v !== undefined) out[c.databaseName] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

const columnsOf = <T>(m: EntityManager, entity: new () => T, keys: readonly string[]): string[] =>
  m.connection
    .getMetadata(entity)
    .columns.filter((c) => keys.includes(c.propertyName))
    .map((c) => c.databaseName);

function orderOf(r: OrderRecord, groups: FulfilmentRecord[], lines: OrderLineRecord[]): Order {
  return {
    id: r.id,
    channel: r.channel as Channel,
    placedAtStoreId: r.placedAtStoreId,
    customerId: r.customerId,
    contact: r.contact,
    currency: r.currency,
    capturedTenders: r.capturedTenders,
    status: r.status as OrderStatus,
    fulfilments: [...groups].sort((a, b) => a.position - b.position).map((g) => fulfilmentOf(r, g, lines)),
    placedAt: r.placedAt,
    updatedAt: r.updatedAt,
  };
}

/** The groups and lines of an order, in one round trip. */
async function partsOf(m: EntityManager, orderId: string): Promise<{ groups: FulfilmentRecord[]; lines: OrderLineRecord[] }> {
  const { rows } = await prepared<{ kind: 'g' | 'l'; row: Row }>(
    m,
    'order-parts',
    `SELECT 'g' AS kind, to_jsonb(g) AS row FROM fulfilment_groups g WHERE g.order_id = $1
     UNION ALL
     SELECT 'l' AS kind, to_jsonb(l) AS row FROM order_lines l WHERE l.order_id = $1`,
    [orderId],
  );
  return {
    groups: rows.filter((r) => r.kind === 'g').map((r) => fromJson(m, FulfilmentRecord, r.row)),
    lines: rows.filter((r) => r.kind === 'l').map((r) => fromJson(m, OrderLineRecord, r.row)),
  };
}

/**
 * The order whose row `r` was read (and locked, for a change): its groups and lines are read in a
 * statement of their own, after the lock, so that they are those the last holder of the lock
 * committed (a single statement would read them with the snapshot it took before waiting).
 */
async function load(m: EntityManager, r: OrderRecord | null): Promise<Order | null> {
  if (!r) return null;
  const { groups, lines } = await partsOf(m, r.id);
  return orderOf(r, groups, lines);
}

/** Lines keep their position in the order across groups (a split moves lines, never renumbers them). */
function positions(o: Order): Map<string, number> {
  return new Map(o.fulfilments.flatMap((f) => f.lines).map((l, i) => [l.lineId, i]));
}

/** Orders in and out of PostgreSQL as domain values; entities never leave this file's layer. */
export const orderRepository = {
  /** The order, its groups and its lines, in one statement. */
  async insert(m: EntityManager, o: Order): Promise<void> {
    await orderRepository.insertMany(m, [o]);
  },

  /** New orders (a group commit's), their groups and their lines, in one statement. */
  async insertMany(m: EntityManager, created: readonly Order[]): Promise<void> {
    if (created.length === 0) return;
    const orders = created.map((o) =>
      toJson(m, OrderRecord, {
        id: o.id,
        channel: o.channel,
        placedAtStoreId: o.placedAtStoreId,
        customerId: o.customerId,
        contact: o.contact,
        currency: o.currency,
        capturedTenders: [...o.capturedTenders],
        status: o.status,
        placedAt: o.placedAt,
        updatedAt: o.updatedAt,
        version: 1,
      }),
    );
    const groups = created.flatMap((o) => o.fulfilments.map((f, i) => toJson(m, FulfilmentRecord, { ...fulfilmentColumns(f, i), version: 1 })));
    const lines = created.flatMap((o) => {
      const at = positions(o);
      return o.fulfilments.flatMap((f) => f.lines.map((l) => toJson(m, OrderLineRecord, lineColumns(o.id, f, l, at.get(l.lineId)!))));
    });
    const [oc, gc, lc] = [orders, groups, lines].map((rows) => [...new Set(rows.flatMap((r) => Object.keys(r)))].join(', '));
    const text = `WITH o AS (INSERT INTO orders (${oc}) SELECT ${oc} FROM jsonb_populate_recordset(NULL::orders, $1::jsonb)),
            g AS (INSERT INTO fulfilment_groups (${gc}) SELECT ${gc} FROM jsonb_populate_recordset(NULL::fulfilment_groups, $2::jsonb))
       INSERT INTO order_lines (${lc}) SELECT ${lc} FROM jsonb_populate_recordset(NULL::order_lines, $3::jsonb)`;
    await prepared(m, statementNameOf('order-insert', text), text, [JSON.stringify(orders), JSON.stringify(groups), JSON.stringify(lines)]);
  },

  /** Loads and locks the order row for the rest of the transaction: every change to an order or its groups holds it. */
  async findForUpdate(m: EntityManager, id: string): Promise<Order | null> {
    return (await orderRepository.findManyForUpdate(m, [id])).get(id) ?? null;
  },

  /**
   * Loads and locks several orders (a consumed run's), in id order so that two runs never wait on
   * each other the wrong way round: the rows in one statement, then their groups and lines in
   * another, after the locks (see load). Orders that do not exist are missing from the map.
   */
  async findManyForUpdate(m: EntityManager, ids: readonly string[]): Promise<Map<string, Order>> {
    if (ids.length === 0) return new Map();
    const { rows } = await prepared<{ o: Row }>(m, 'order-lock-many', `SELECT to_jsonb(o) AS o FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR UPDATE`, [[...ids]]);
    const records = rows.map((r) => fromJson(m, OrderRecord, r.o));
    if (records.length === 0) return new Map();
    const parts = await prepared<{ kind: 'g' | 'l'; row: Row }>(
      m,
      'order-parts-many',
      `SELECT 'g' AS kind, to_jsonb(g) AS row FROM fulfilment_groups g WHERE g.order_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'l' AS kind, to_jsonb(l) AS row FROM order_lines l WHERE l.order_id = ANY($1::uuid[])`,
      [records.map((r) => r.id)],
    );
    const groups = parts.rows.filter((r) => r.kind === 'g').map((r) => fromJson(m, FulfilmentRecord, r.row));
    const lines = parts.rows.filter((r) => r.kind === 'l').map((r) => fromJson(m, OrderLineRecord, r.row));
    return new Map(
      records.map((r) => [
        r.id,
        orderOf(
          r,
          groups.filter((g) => g.orderId === r.id),
          lines.filter((l) => l.orderId === r.id),
        ),
      ]),
    );
  },

  /** The order as it stands, in one round trip (no lock: a read). */
  async find(m: EntityManager, id: string): Promise<Order | null> {
    const rows: { o: Row; groups: Row[]; lines: Row[] }[] = await m.query(
      `SELECT to_jsonb(o) AS o,
              (SELECT coalesce(jsonb_agg(to_jsonb(g)), '[]'::jsonb) FROM fulfilment_groups g WHERE g.order_id = o.id) AS groups,
              (SELECT coalesce(jsonb_agg(to_jsonb(l)), '[]'::jsonb) FROM order_lines l WHERE l.order_id = o.id) AS lines
       FROM orders o WHERE o.id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    const [r] = rows;
    return orderOf(
      fromJson(m, OrderRecord, r.o),
      r.groups.map((g) => fromJson(m, FulfilmentRecord, g)),
      r.lines.map((l) => fromJson(m, OrderLineRecord, l)),
    );
  },

  /** The order a fulfilment group belongs to, or null when the id names no group. */
  async orderIdOfFulfilment(m: EntityManager, fulfilmentId: string): Promise<string | null> {
    const g = await m.findOne(FulfilmentRecord, { where: { id: fulfilmentId }, select: { id: true, orderId: true } });
    return g?.orderId ?? null;
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
    if (rows.length === 0) return null;
    const order = await load(m, await m.findOne(OrderRecord, { where: { id: rows[0].order_id } }));
    return order ? { order, fulfilmentId: rows[0].id } : null;
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
    if (rows.length === 0) return null;
    const order = await load(m, await m.findOne(OrderRecord, { where: { id: rows[0].order_id } }));
    return order ? { order, fulfilmentId: rows[0].id } : null;
  },

  /** Groups the location has to pick: reserved or being picked, earliest promise first (one statement). */
  async pickList(m: EntityManager, locationId: string): Promise<Fulfilment[]> {
    const rows: { o: Row; g: Row; lines: Row[] }[] = await m.query(
      `SELECT to_jsonb(o) AS o, to_jsonb(g) AS g,
              (SELECT coalesce(jsonb_agg(to_jsonb(l)), '[]'::jsonb) FROM order_lines l WHERE l.fulfilment_id = g.id) AS lines
       FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
       WHERE g.store_id = $1 AND g.status IN ('RESERVED', 'PICKING')
       ORDER BY g.ready_by, g.updated_at`,
      [locationId],
    );
    return rows.map((r) =>
      fulfilmentOf(
        fromJson(m, OrderRecord, r.o),
        fromJson(m, FulfilmentRecord, r.g),
        r.lines.map((l) => fromJson(m, OrderLineRecord, l)),
      ),
    );
  },

  /**
   * Saves orders as their decisions left them (a consumed run's, each once): summaries, every group
   * and line (new groups of a split included), in one statement, so a run's orders cost one round
   * trip, not one each. The caller holds the orders' locks (findForUpdate, findManyForUpdate).
   */
  async updateMany(m: EntityManager, updated: readonly Order[]): Promise<void> {
    if (updated.length === 0) return;
    const heads = updated.map((o) => toJson(m, OrderRecord, { id: o.id, status: o.status, updatedAt: o.updatedAt, contact: o.contact }));
    const groups = updated.flatMap((o) => o.fulfilments.map((f, i) => toJson(m, FulfilmentRecord, { ...fulfilmentColumns(f, i), version: 1 })));
    const lines = updated.flatMap((o) => {
      const at = positions(o);
      return o.fulfilments.flatMap((f) => f.lines.map((l) => toJson(m, OrderLineRecord, lineColumns(o.id, f, l, at.get(l.lineId)!))));
    });
    const groupColumns = [...new Set(groups.flatMap((g) => Object.keys(g)))];
    const changedGroupColumns = columnsOf(m, FulfilmentRecord, Object.keys(fulfilmentColumns(updated[0].fulfilments[0], 0)).filter((k) => k !== 'id' && k !== 'orderId'));
    const changedLineColumns = [...new Set(lines.flatMap((l) => Object.keys(l)))].filter((c) => c !== 'id' && c !== 'order_id');
    const gc = groupColumns.join(', ');
    const text = `WITH h AS (SELECT id, status, updated_at, contact FROM jsonb_populate_recordset(NULL::orders, $1::jsonb)),
            o AS (UPDATE orders AS t SET status = h.status, updated_at = h.updated_at, contact = h.contact, version = t.version + 1 FROM h WHERE t.id = h.id),
            g AS (INSERT INTO fulfilment_groups (${gc}) SELECT ${gc} FROM jsonb_populate_recordset(NULL::fulfilment_groups, $2::jsonb)
                  ON CONFLICT (id) DO UPDATE SET ${changedGroupColumns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')})
       UPDATE order_lines AS t SET ${changedLineColumns.map((c) => `${c} = v.${c}`).join(', ')}
       FROM jsonb_populate_recordset(NULL::order_lines, $3::jsonb) AS v
       WHERE t.id = v.id AND t.order_id = v.order_id`;
    await prepared(m, statementNameOf('order-update', text), text, [JSON.stringify(heads), JSON.stringify(groups), JSON.stringify(lines)]);
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
