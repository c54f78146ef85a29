import type { PendingEvent } from '@omni/contracts';
import type { EntityManager } from 'typeorm';
import type { CapturedTender } from '../../domain/order';

export interface PaymentRequestView {
  id: string;
  kind: 'capture' | 'refund';
  amount: number;
  reason: string | null;
  status: 'REQUESTED' | 'DONE' | 'FAILED';
  requestedAt: string;
  doneAmount: number | null;
  doneAt: string | null;
  /** FAILED: the payment system's reason and when; attempts counts the requests sent. */
  failureReason: string | null;
  failedAt: string | null;
  attempts: number;
}

/** A request the payment system refused, as an operator sees it (GET /payment-requests). */
export interface FailedPaymentRequest extends PaymentRequestView {
  orderId: string;
  fulfilmentId: string | null;
  currency: string;
}

/** A payment request as it was asked for: what sending it again takes. */
export interface PaymentRequest {
  readonly id: string;
  readonly orderId: string;
  readonly fulfilmentId: string | null;
  readonly kind: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason: string | null;
  /** A refund of an order paid at placing: how it splits over the order's tenders. */
  readonly tenders: CapturedTender[] | null;
  readonly attempts: number;
}

/** Captures and refunds the order asked for, and what the payment system answered (implemented by infrastructure/payment-request.repository.ts). */
export abstract class PaymentRequestRepository {
  /** Records the payment requests among a decision's events, in the same transaction as the outbox rows. */
  abstract recordRequested(m: EntityManager, events: readonly PendingEvent[]): Promise<void>;

  /** Marks one open capture of the order done; false when there is none to mark. */
  abstract recordCaptured(m: EntityManager, orderId: string, amount: number, at: Date): Promise<boolean>;

  /** Adds what was paid back for one refund request (done when it covers the amount); false when it is not open. */
  abstract recordRefunded(m: EntityManager, orderId: string, refundId: string, amount: number, at: Date): Promise<boolean>;

  /** What was paid back of each tender these orders were paid with at placing, per order and tender reference, in one statement. */
  abstract refundedByReference(m: EntityManager, orderIds: readonly string[]): Promise<Map<string, Map<string, number>>>;

  /** The order's requests, the oldest first. */
  abstract forOrder(m: EntityManager, orderId: string): Promise<PaymentRequestView[]>;

  /** The payment system refused a capture of the order: the open one is FAILED. False when there is none open. */
  abstract recordCaptureFailed(m: EntityManager, orderId: string, amount: number, reason: string, at: Date): Promise<boolean>;

  /** The payment system refused one refund request: FAILED with its reason. False when it is not open. */
  abstract recordRefundFailed(m: EntityManager, orderId: string, refundId: string, reason: string, at: Date): Promise<boolean>;

  /** Every FAILED request, the oldest failure first. */
  abstract failed(m: EntityManager, limit: number): Promise<FailedPaymentRequest[]>;

  /** FAILED requests per kind (the payment_requests_failed gauge). */
  abstract failedCounts(m: EntityManager): Promise<{ kind: string; count: number }[]>;

  /** A FAILED request sent again: REQUESTED once more, one attempt more. Null when it is not FAILED (retried already, or unknown). */
  abstract retry(m: EntityManager, id: string): Promise<PaymentRequest | null>;

  /** Whether a request with this id exists, whatever its status. */
  abstract exists(m: EntityManager, id: string): Promise<boolean>;
}
