import { Channel, PaymentCaptureRequestedPayload, PaymentCaptureRequestedV1, PaymentRefundRequestedPayload, PaymentRefundRequestedV1, PendingEvent } from '@omni/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CancelledBy, Order, OrderStatus } from '../domain/order';
import { OrderLineRecord, OrderRecord, PaymentRequestRecord } from './order.records';

function toDomain(r: OrderRecord, lines: OrderLineRecord[]): Order {
  return {
    id: r.id,
    channel: r.channel as Channel,
    storeId: r.storeId,
    customerId: r.customerId,
    currency: r.currency,
    status: r.status as OrderStatus,
    rejectionReason: r.rejectionReason,
    placedAt: r.placedAt,
    updatedAt: r.updatedAt,
    readyBy: r.readyBy,
    pickupHoldDays: r.pickupHoldDays,
    pickupCode: r.pickupCodeHash && r.pickupCodeSalt ? { hash: r.pickupCodeHash, salt: r.pickupCodeSalt } : null,
    pickupDeadline: r.pickupDeadline,
    failedCodeAttempts: r.failedCodeAttempts,
    readyAt: r.readyAt,
    collectedAt: r.collectedAt,
    cancelledBy: r.cancelledBy as CancelledBy | null,
    cancellationReason: r.cancellationReason,
    cancelledAt: r.cancelledAt,
    expiredAt: r.expiredAt,
    lines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        lineId: l.id,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        pickedQuantity: l.pickedQuantity,
        cancelledQuantity: l.cancelledQuantity,
        sourceLocationId: l.sourceLocationId,
        pendingTransferId: l.pendingTransferId,
      })),
  };
}

function orderColumns(o: Order) {
  return {
    status: o.status,
    rejectionReason: o.rejectionReason,
    updatedAt: o.updatedAt,
    readyBy: o.readyBy,
    pickupHoldDays: o.pickupHoldDays,
    pickupCodeHash: o.pickupCode?.hash ?? null,
    pickupCodeSalt: o.pickupCode?.salt ?? null,
    pickupDeadline: o.pickupDeadline,
    failedCodeAttempts: o.failedCodeAttempts,
    readyAt: o.readyAt,
    collectedAt: o.collectedAt,
    cancelledBy: o.cancelledBy,
    cancellationReason: o.cancellationReason,
    cancelledAt: o.cancelledAt,
    expiredAt: o.expiredAt,
  };
}

async function load(m: EntityManager, r: OrderRecord | null): Promise<Order | null> {
  if (!r) return null;
  return toDomain(r, await m.find(OrderLineRecord, { where: { orderId: r.id } }));
}

/** Orders in and out of PostgreSQL as domain values; entities never leave this file's layer. */
export const orderRepository = {
  async insert(m: EntityManager, o: Order): Promise<void> {
    await m.insert(OrderRecord, { id: o.id, channel: o.channel, storeId: o.storeId, customerId: o.customerId, currency: o.currency, placedAt: o.placedAt, version: 1, ...orderColumns(o) });
    await m.insert(
      OrderLineRecord,
      o.lines.map((l, position) => ({
        id: l.lineId,
        orderId: o.id,
        position,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        pickedQuantity: l.pickedQuantity,
        cancelledQuantity: l.cancelledQuantity,
        sourceLocationId: l.sourceLocationId,
        pendingTransferId: l.pendingTransferId,
      })),
    );
  },

  /** Loads and locks the order row for the rest of the transaction. */
  async findForUpdate(m: EntityManager, id: string): Promise<Order | null> {
    return load(m, await m.findOne(OrderRecord, { where: { id }, lock: { mode: 'pessimistic_write' } }));
  },

  async find(m: EntityManager, id: string): Promise<Order | null> {
    return load(m, await m.findOne(OrderRecord, { where: { id } }));
  },

  /**
   * Locks the ready order with the earliest passed deadline that no other sweeper holds. Each
   * expiry then runs in the caller's transaction, so two replicas never expire one order twice.
   */
  async lockNextExpired(m: EntityManager, now: Date): Promise<Order | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM orders WHERE status = 'READY_FOR_PICKUP' AND pickup_deadline <= $1
       ORDER BY pickup_deadline LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return rows.length === 0 ? null : load(m, await m.findOne(OrderRecord, { where: { id: rows[0].id } }));
  },

  /** Orders the store has to pick: reserved or being picked, earliest promise first. */
  async pickList(m: EntityManager, storeId: string): Promise<Order[]> {
    const records = await m.find(OrderRecord, { where: [{ storeId, status: 'RESERVED' }, { storeId, status: 'PICKING' }], order: { readyBy: 'ASC', placedAt: 'ASC' } });
    const orders: Order[] = [];
    for (const r of records) orders.push((await load(m, r))!);
    return orders;
  },

  async update(m: EntityManager, o: Order): Promise<void> {
    await m
      .createQueryBuilder()
      .update(OrderRecord)
      .set({ ...orderColumns(o), version: () => 'version + 1' })
      .where('id = :id', { id: o.id })
      .execute();
    for (const l of o.lines) {
      await m.update(
        OrderLineRecord,
        { id: l.lineId },
        { pickedQuantity: l.pickedQuantity, cancelledQuantity: l.cancelledQuantity, sourceLocationId: l.sourceLocationId, pendingTransferId: l.pendingTransferId },
      );
    }
  },
};

export interface PaymentRequestView {
  id: string;
  kind: 'capture' | 'refund';
  amount: number;
  reason: string | null;
  status: 'REQUESTED' | 'DONE';
  requestedAt: string;
  doneAmount: number | null;
  doneAt: string | null;
}

/** Captures and refunds the order asked for, and what the payment system answered. */
export const paymentRequestRepository = {
  /** Records the payment requests among a decision's events, in the same transaction as the outbox rows. */
  async recordRequested(m: EntityManager, events: readonly PendingEvent[]): Promise<void> {
    for (const e of events) {
      if (e.def === PaymentCaptureRequestedV1) {
        const p = e.payload as PaymentCaptureRequestedPayload;
        await m.insert(PaymentRequestRecord, { id: randomUUID(), orderId: p.orderId, kind: 'capture', amount: p.amount, currency: p.currency, reason: null, requestedAt: new Date(p.requestedAt), status: 'REQUESTED' });
      } else if (e.def === PaymentRefundRequestedV1) {
        const p = e.payload as PaymentRefundRequestedPayload;
        await m.insert(PaymentRequestRecord, { id: p.refundId, orderId: p.orderId, kind: 'refund', amount: p.amount, currency: p.currency, reason: p.reason, requestedAt: new Date(p.requestedAt), status: 'REQUESTED' });
      }
    }
  },

  /** Marks the order's open capture done; false when there is none to mark. */
  async recordCaptured(m: EntityManager, orderId: string, amount: number, at: Date): Promise<boolean> {
    const r = await m.query(`UPDATE payment_requests SET status = 'DONE', done_amount = $2, done_at = $3 WHERE order_id = $1 AND kind = 'capture' AND status = 'REQUESTED' RETURNING id`, [orderId, amount, at]);
    return (r[0] as unknown[]).length > 0;
  },

  async recordRefunded(m: EntityManager, orderId: string, refundId: string, amount: number, at: Date): Promise<boolean> {
    const r = await m.query(`UPDATE payment_requests SET status = 'DONE', done_amount = $3, done_at = $4 WHERE id = $2 AND order_id = $1 AND kind = 'refund' AND status = 'REQUESTED' RETURNING id`, [orderId, refundId, amount, at]);
    return (r[0] as unknown[]).length > 0;
  },

  async forOrder(m: EntityManager, orderId: string): Promise<PaymentRequestView[]> {
    const rows = await m.find(PaymentRequestRecord, { where: { orderId }, order: { requestedAt: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as 'capture' | 'refund',
      amount: r.amount,
      reason: r.reason,
      status: r.status as 'REQUESTED' | 'DONE',
      requestedAt: r.requestedAt.toISOString(),
      doneAmount: r.doneAmount,
      doneAt: r.doneAt?.toISOString() ?? null,
    }));
  },
};
