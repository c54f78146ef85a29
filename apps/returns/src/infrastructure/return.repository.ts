import {
  AddressPayload,
  Channel,
  PriceOverride,
  RefundMethod,
  ReplacementPayload,
  ReturnChannel,
  ReturnedLinePayload,
  ReturnKind,
  TenderAmountPayload,
} from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { FailedRefundRequest, RefundRecord, ReturnRepository } from '../application/ports/return.port';
import { Return, ReturnStatus } from '../domain/return.machine';

interface ReturnRow {
  id: string;
  request_id: string;
  order_id: string;
  kind: ReturnKind;
  status: ReturnStatus;
  store_id: string;
  associate_id: string | null;
  order_channel: Channel;
  order_placed_at_store_id: string | null;
  customer_id: string | null;
  authorisation_id: string | null;
  policy_version: number;
  currency: string;
  lines: ReturnedLinePayload[];
  replacements: ReplacementPayload[];
  difference: number;
  refund_method: RefundMethod | null;
  refund_amount: number;
  charged: TenderAmountPayload | null;
  failure_reason: string | null;
  channel: ReturnChannel;
  ship_to: AddressPayload | null;
  replacement_order_id: string | null;
  price_override: PriceOverride | null;
  created_at: Date;
  completed_at: Date | null;
}

const toReturn = (r: ReturnRow): Return => ({
  id: r.id,
  requestId: r.request_id,
  orderId: r.order_id,
  kind: r.kind,
  status: r.status,
  storeId: r.store_id,
  associateId: r.associate_id,
  orderChannel: r.order_channel,
  orderPlacedAtStoreId: r.order_placed_at_store_id,
  customerId: r.customer_id,
  authorisationId: r.authorisation_id,
  policyVersion: r.policy_version,
  currency: r.currency,
  lines: r.lines,
  replacements: r.replacements,
  difference: r.difference,
  refundMethod: r.refund_method,
  refundAmount: r.refund_amount,
  charged: r.charged,
  failureReason: r.failure_reason,
  channel: r.channel,
  shipTo: r.ship_to,
  replacementOrderId: r.replacement_order_id,
  priceOverride: r.price_override,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

interface FailedRefundRow {
  request_id: string;
  return_id: string;
  kind: ReturnKind;
  order_id: string;
  currency: string;
  amount: number;
  tenders: TenderAmountPayload[];
  failure_reason: string;
  failed_at: Date;
  attempts: number;
}

const FAILED_REQUESTS = `
  SELECT f.request_id, f.return_id, r.kind, r.order_id, r.currency, sum(f.amount)::int AS amount,
         json_agg(json_build_object('tender', f.tender, 'reference', f.reference, 'amount', f.amount) ORDER BY f.tender, f.reference) AS tenders,
         min(f.failure_reason) AS failure_reason, min(f.failed_at) AS failed_at, max(f.attempts) AS attempts
    FROM refunds f JOIN returns r ON r.id = f.return_id
   WHERE f.failed_at IS NOT NULL AND f.settled_at IS NULL`;

const toFailed = (r: FailedRefundRow): FailedRefundRequest => ({
  refundId: r.request_id,
  returnId: r.return_id,
  kind: r.kind,
  orderId: r.order_id,
  currency: r.currency,
  amount: r.amount,
  tenders: r.tenders,
  reason: r.failure_reason,
  failedAt: new Date(r.failed_at),
  attempts: r.attempts,
});

export const returnRepository = {
  async insert(m: EntityManager, r: Return): Promise<void> {
    await m.query(
      `INSERT INTO returns (id, request_id, order_id, kind, status, store_id, associate_id, order_channel, order_placed_at_store_id, customer_id, authorisation_id,
         policy_version, currency, lines, replacements, difference, refund_method, refund_amount, charged, failure_reason, created_at, completed_at, channel, ship_to, replacement_order_id, price_override)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
      [
        r.id,
        r.requestId,
        r.orderId,
        r.kind,
        r.status,
        r.storeId,
        r.associateId,
        r.orderChannel,
        r.orderPlacedAtStoreId,
        r.customerId,
        r.authorisationId,
        r.policyVersion,
        r.currency,
        JSON.stringify(r.lines),
        JSON.stringify(r.replacements),
        r.difference,
        r.refundMethod,
        r.refundAmount,
        r.charged === null ? null : JSON.stringify(r.charged),
        r.failureReason,
        r.createdAt,
        r.completedAt,
        r.channel,
        r.shipTo === null ? null : JSON.stringify(r.shipTo),
        r.replacementOrderId,
        r.priceOverride === null ? null : JSON.stringify(r.priceOverride),
      ],
    );
  },

  async saveStatus(m: EntityManager, r: Return): Promise<void> {
    await m.query(`UPDATE returns SET status = $2, failure_reason = $3, completed_at = $4, replacement_order_id = $5 WHERE id = $1`, [
      r.id,
      r.status,
      r.failureReason,
      r.completedAt,
      r.replacementOrderId,
    ]);
  },

  async find(m: EntityManager, id: string, lock = false): Promise<Return | null> {
    const rows: ReturnRow[] = await m.query(`SELECT * FROM returns WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toReturn(rows[0]) : null;
  },

  async findByRequest(m: EntityManager, storeId: string, requestId: string): Promise<Return | null> {
    const rows: ReturnRow[] = await m.query(`SELECT * FROM returns WHERE store_id = $1 AND request_id = $2`, [storeId, requestId]);
    return rows[0] ? toReturn(rows[0]) : null;
  },

  async insertRefund(
    m: EntityManager,
    r: {
      id: string;
      returnId: string;
      orderId: string;
      tender: string;
      reference: string;
      amount: number;
      requestId: string | null;
      settledAt: Date | null;
      at: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO refunds (id, return_id, order_id, tender, reference, amount, request_id, settled_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.id, r.returnId, r.orderId, r.tender, r.reference, r.amount, r.requestId, r.settledAt, r.at],
    );
  },

  async refundsOf(m: EntityManager, returnId: string): Promise<RefundRecord[]> {
    const rows: {
      id: string;
      tender: string;
      reference: string;
      amount: number;
      request_id: string | null;
      settled_at: Date | null;
      failed_at: Date | null;
      failure_reason: string | null;
    }[] = await m.query(
      `SELECT id, tender, reference, amount, request_id, settled_at, failed_at, failure_reason FROM refunds WHERE return_id = $1 ORDER BY tender, reference`,
      [returnId],
    );
    return rows.map((r) => ({
      id: r.id,
      tender: r.tender,
      reference: r.reference,
      amount: r.amount,
      requestId: r.request_id,
      settledAt: r.settled_at,
      failedAt: r.failed_at,
      failureReason: r.failure_reason,
    }));
  },

  /** The payment system refused a refund request: its rows not settled are marked failed, once. 0: not a request of ours. */
  async markFailed(m: EntityManager, requestId: string, reason: string, at: Date): Promise<number> {
    const [, n] = (await m.query(`UPDATE refunds SET failed_at = $3, failure_reason = $2 WHERE request_id = $1 AND settled_at IS NULL AND failed_at IS NULL`, [
      requestId,
      reason,
      at,
    ])) as [unknown, number];
    return n;
  },

  /** Every failed refund request, the oldest failure first. */
  async failedRequests(m: EntityManager, limit: number): Promise<FailedRefundRequest[]> {
    const rows: FailedRefundRow[] = await m.query(
      `${FAILED_REQUESTS} GROUP BY f.request_id, f.return_id, r.kind, r.order_id, r.currency ORDER BY min(f.failed_at), f.request_id LIMIT $1`,
      [limit],
    );
    return rows.map(toFailed);
  },

  async isRefundRequest(m: EntityManager, requestId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM refunds WHERE request_id = $1 LIMIT 1`, [requestId]);
    return rows.length > 0;
  },

  async failedRequestCount(m: EntityManager): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT count(DISTINCT request_id)::int AS n FROM refunds WHERE failed_at IS NOT NULL AND settled_at IS NULL`);
    return row.n;
  },

  /**
   * A failed refund request goes back to waiting for the payment system (its failure cleared, one
   * more attempt); the request as it was, or null when it is not failed (unknown, settled, or sent
   * again already — the row lock makes two operators' retries send it once).
   */
  async resend(m: EntityManager, requestId: string): Promise<FailedRefundRequest | null> {
    const [row]: FailedRefundRow[] = await m.query(
      `${FAILED_REQUESTS} AND f.request_id = $1 GROUP BY f.request_id, f.return_id, r.kind, r.order_id, r.currency`,
      [requestId],
    );
    if (!row) return null;
    const [, n] = (await m.query(
      `UPDATE refunds SET failed_at = NULL, failure_reason = NULL, attempts = attempts + 1 WHERE request_id = $1 AND failed_at IS NOT NULL AND settled_at IS NULL`,
      [requestId],
    )) as [unknown, number];
    return n > 0 ? toFailed(row) : null;
  },

  /** The payment system confirmed a refund request: its rows are settled (once). */
  async markSettled(m: EntityManager, orderId: string, requestId: string, at: Date): Promise<number> {
    const [, n] = (await m.query(`UPDATE refunds SET settled_at = $3 WHERE order_id = $1 AND request_id = $2 AND settled_at IS NULL`, [
      orderId,
      requestId,
      at,
    ])) as [unknown, number];
    return n;
  },
} satisfies ReturnRepository;
