import { isEvent, PaymentCaptureRequestedV1, PaymentRefundRequestedV2, PendingEvent } from '@omni/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { FailedPaymentRequest, PaymentRequestRepository, PaymentRequestView } from '../application/ports/payment-request.port';
import { PaymentRequestRecord } from './order.records';

const viewOf = (r: PaymentRequestRecord): PaymentRequestView => ({
  id: r.id,
  kind: r.kind as 'capture' | 'refund',
  amount: r.amount,
  reason: r.reason,
  status: r.status as PaymentRequestView['status'],
  requestedAt: r.requestedAt.toISOString(),
  doneAmount: r.doneAmount,
  doneAt: r.doneAt?.toISOString() ?? null,
  failureReason: r.failureReason,
  failedAt: r.failedAt?.toISOString() ?? null,
  attempts: r.attempts,
});

/** Captures and refunds the order asked for, and what the payment system answered. */
export const paymentRequestRepository = {
  /** Records the payment requests among a decision's events, in the same transaction as the outbox rows. */
  async recordRequested(m: EntityManager, events: readonly PendingEvent[]): Promise<void> {
    for (const e of events) {
      if (isEvent(e, PaymentCaptureRequestedV1)) {
        const p = e.payload;
        await m.insert(PaymentRequestRecord, {
          id: randomUUID(),
          orderId: p.orderId,
          fulfilmentId: p.fulfilmentId ?? null,
          kind: 'capture',
          amount: p.amount,
          currency: p.currency,
          reason: null,
          requestedAt: new Date(p.requestedAt),
          status: 'REQUESTED',
        });
      } else if (isEvent(e, PaymentRefundRequestedV2)) {
        const p = e.payload;
        await m.insert(PaymentRequestRecord, {
          id: p.refundId,
          orderId: p.orderId,
          fulfilmentId: p.fulfilmentId,
          kind: 'refund',
          amount: p.amount,
          currency: p.currency,
          reason: p.reason,
          requestedAt: new Date(p.requestedAt),
          status: 'REQUESTED',
          tenders: p.tenders ?? null,
        });
      }
    }
  },

  /**
   * Marks one open capture of the order done (the oldest of that amount, else the oldest): an order
   * shipped in several parcels has a capture per parcel. False when there is none to mark.
   */
  async recordCaptured(m: EntityManager, orderId: string, amount: number, at: Date): Promise<boolean> {
    const r = await m.query(
      `UPDATE payment_requests SET status = 'DONE', done_amount = $2, done_at = $3
       WHERE id = (SELECT id FROM payment_requests WHERE order_id = $1 AND kind = 'capture' AND status = 'REQUESTED'
                   ORDER BY (amount = $2) DESC, requested_at LIMIT 1 FOR UPDATE)
       RETURNING id`,
      [orderId, amount, at],
    );
    return (r[0] as unknown[]).length > 0;
  },

  /**
   * Adds what was paid back for one refund request: the payment system's part (payment.refunded)
   * and, for a store-credit tender, the returns service's (store-credit.reinstated) each count
   * once (the inbox drops redeliveries); the request is done when they cover its amount.
   */
  async recordRefunded(m: EntityManager, orderId: string, refundId: string, amount: number, at: Date): Promise<boolean> {
    const r = await m.query(
      `UPDATE payment_requests
       SET done_amount = coalesce(done_amount, 0) + $3, done_at = $4,
           status = CASE WHEN coalesce(done_amount, 0) + $3 >= amount THEN 'DONE' ELSE status END
       WHERE id = $2 AND order_id = $1 AND kind = 'refund' AND status = 'REQUESTED' RETURNING id`,
      [orderId, refundId, amount, at],
    );
    return (r[0] as unknown[]).length > 0;
  },

  /**
   * What was paid back of each tender the order was paid with at placing, by tender reference: by
   * the order's own refund requests, and by the returns service's refunds of its returns.
   */
  async refundedByReference(m: EntityManager, orderIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const byOrder = new Map<string, Map<string, number>>();
    if (orderIds.length === 0) return byOrder;
    const rows: { order_id: string; reference: string; amount: number }[] = await m.query(
      `SELECT order_id, reference, sum(amount)::int AS amount FROM (
         SELECT order_id, t->>'reference' AS reference, (t->>'amount')::int AS amount
         FROM payment_requests, jsonb_array_elements(tenders) AS t
         WHERE order_id = ANY($1::uuid[]) AND kind = 'refund' AND tenders IS NOT NULL
         UNION ALL
         SELECT order_id, reference, amount FROM return_refund_tenders WHERE order_id = ANY($1::uuid[])
       ) refunded
       GROUP BY 1, 2`,
      [orderIds],
    );
    for (const r of rows) byOrder.set(r.order_id, (byOrder.get(r.order_id) ?? new Map<string, number>()).set(r.reference, r.amount));
    return byOrder;
  },

  async forOrder(m: EntityManager, orderId: string): Promise<PaymentRequestView[]> {
    const rows = await m.find(PaymentRequestRecord, { where: { orderId }, order: { requestedAt: 'ASC' } });
    return rows.map(viewOf);
  },

  /**
   * The payment system refused a capture of the order: the open capture of that amount (else the
   * oldest) is FAILED with its reason. False when there is none open.
   */
  async recordCaptureFailed(m: EntityManager, orderId: string, amount: number, reason: string, at: Date): Promise<boolean> {
    const r = await m.query(
      `UPDATE payment_requests SET status = 'FAILED', failure_reason = $3, failed_at = $4
       WHERE id = (SELECT id FROM payment_requests WHERE order_id = $1 AND kind = 'capture' AND status = 'REQUESTED'
                   ORDER BY (amount = $2) DESC, requested_at LIMIT 1 FOR UPDATE)
       RETURNING id`,
      [orderId, amount, reason, at],
    );
    return (r[0] as unknown[]).length > 0;
  },

  /** The payment system refused one refund request: FAILED with its reason. False when it is not open. */
  async recordRefundFailed(m: EntityManager, orderId: string, refundId: string, reason: string, at: Date): Promise<boolean> {
    const r = await m.query(
      `UPDATE payment_requests SET status = 'FAILED', failure_reason = $3, failed_at = $4
       WHERE id = $2 AND order_id = $1 AND kind = 'refund' AND status = 'REQUESTED' RETURNING id`,
      [orderId, refundId, reason, at],
    );
    return (r[0] as unknown[]).length > 0;
  },

  /** Every FAILED request, the oldest failure first. */
  async failed(m: EntityManager, limit: number): Promise<FailedPaymentRequest[]> {
    const rows = await m.find(PaymentRequestRecord, { where: { status: 'FAILED' }, order: { failedAt: 'ASC' }, take: limit });
    return rows.map((r) => ({ ...viewOf(r), orderId: r.orderId, fulfilmentId: r.fulfilmentId, currency: r.currency }));
  },

  /** FAILED requests per kind (the payment_requests_failed gauge). */
  async failedCounts(m: EntityManager): Promise<{ kind: string; count: number }[]> {
    return m.query(`SELECT kind, count(*)::int AS count FROM payment_requests WHERE status = 'FAILED' GROUP BY kind`);
  },

  /** A FAILED request sent again: REQUESTED once more, one attempt more. Null when it is not FAILED (retried already, or unknown). */
  async retry(m: EntityManager, id: string): Promise<PaymentRequestRecord | null> {
    const r = await m.query(
      `UPDATE payment_requests SET status = 'REQUESTED', failure_reason = NULL, failed_at = NULL, attempts = attempts + 1
       WHERE id = $1 AND status = 'FAILED' RETURNING id`,
      [id],
    );
    if ((r[0] as unknown[]).length === 0) return null;
    return m.findOneByOrFail(PaymentRequestRecord, { id });
  },

  /** Whether a request with this id exists, whatever its status. */
  async exists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(PaymentRequestRecord, { id });
  },
} satisfies PaymentRequestRepository;
