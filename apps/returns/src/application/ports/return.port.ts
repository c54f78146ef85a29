import { ReturnKind, TenderAmountPayload } from '@omni/contracts';
import type { EntityManager } from 'typeorm';
import { Return } from '../../domain/return.machine';

export interface RefundRecord {
  readonly id: string;
  readonly tender: string;
  readonly reference: string;
  readonly amount: number;
  /** The refundId of return.refund-requested; null for store credit. */
  readonly requestId: string | null;
  /** When the payment system confirmed it (payment.refunded), or the credit was booked. */
  readonly settledAt: Date | null;
  /** When the payment system refused it (payment.refund-failed) and why; cleared when it is sent again. */
  readonly failedAt: Date | null;
  readonly failureReason: string | null;
}

/** A refund request of a return the payment system refused, waiting for an operator. */
export interface FailedRefundRequest {
  readonly refundId: string;
  readonly returnId: string;
  readonly kind: ReturnKind;
  readonly orderId: string;
  readonly currency: string;
  readonly amount: number;
  readonly tenders: readonly TenderAmountPayload[];
  readonly reason: string;
  readonly failedAt: Date;
  readonly attempts: number;
}

/**
 * Returns and their refunds as the use cases and queries read and change them, in the caller's
 * transaction (implemented by infrastructure/return.repository.ts).
 */
export abstract class ReturnRepository {
  abstract insert(m: EntityManager, r: Return): Promise<void>;

  abstract saveStatus(m: EntityManager, r: Return): Promise<void>;

  /** `lock`: the row is locked, so replies about one return apply one after the other. */
  abstract find(m: EntityManager, id: string, lock?: boolean): Promise<Return | null>;

  /** The return a store's POS opened under its requestId (a retry gets it back). */
  abstract findByRequest(m: EntityManager, storeId: string, requestId: string): Promise<Return | null>;

  abstract insertRefund(
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
  ): Promise<void>;

  abstract refundsOf(m: EntityManager, returnId: string): Promise<RefundRecord[]>;

  /** The payment system refused a refund request: its rows not settled are marked failed, once. 0: not a request of ours. */
  abstract markFailed(m: EntityManager, requestId: string, reason: string, at: Date): Promise<number>;

  /** Every failed refund request, the oldest failure first. */
  abstract failedRequests(m: EntityManager, limit: number): Promise<FailedRefundRequest[]>;

  abstract isRefundRequest(m: EntityManager, requestId: string): Promise<boolean>;

  abstract failedRequestCount(m: EntityManager): Promise<number>;

  /**
   * A failed refund request goes back to waiting for the payment system (its failure cleared, one
   * more attempt); the request as it was, or null when it is not failed (unknown, settled, or sent
   * again already — two operators' retries send it once).
   */
  abstract resend(m: EntityManager, requestId: string): Promise<FailedRefundRequest | null>;

  /** The payment system confirmed a refund request: its rows are settled (once). */
  abstract markSettled(m: EntityManager, orderId: string, requestId: string, at: Date): Promise<number>;
}
