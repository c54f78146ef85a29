import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PaymentCaptureFailedPayload, PaymentCaptureRequestedV1, PaymentRefundFailedPayload, PendingEvent, event } from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { refundRequested } from '../domain/group-effects';
import { FailedPaymentRequest, PaymentRequest, PaymentRequestRepository } from './ports/payment-request.port';

export type PaymentRequestRefusal = 'PAYMENT_REQUEST.NOT_FOUND' | 'PAYMENT_REQUEST.NOT_FAILED';

/**
 * Captures and refunds the payment system refused (docs/operations.md, Runbook: PaymentRequestsFailed): each is
 * parked as FAILED with the reason — never dropped, never retried behind anyone's back, since
 * only a person can tell whether a declined card or a closed tender will take the same request
 * again — listed for operators, counted by the payment_requests_failed gauge, and sent again on
 * an operator's word with the same id (a refund keeps its refundId: the payment system can tell
 * a retry from a second refund).
 */
@Injectable()
export class PaymentRequestsUseCase {
  private readonly logger = new Logger('PaymentRequests');

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly paymentRequests: PaymentRequestRepository,
  ) {}

  async captureFailed(e: EventEnvelope<PaymentCaptureFailedPayload>): Promise<void> {
    const p = e.data;
    const outcome = await this.inbox.once(e, (m) => this.paymentRequests.recordCaptureFailed(m, p.orderId, p.amount, p.reason, new Date(p.failedAt)));
    if (outcome.applied) this.parked(e, outcome.result, { orderId: p.orderId, kind: 'capture', amount: p.amount, reason: p.reason });
  }

  async refundFailed(e: EventEnvelope<PaymentRefundFailedPayload>): Promise<void> {
    const p = e.data;
    const outcome = await this.inbox.once(e, (m) => this.paymentRequests.recordRefundFailed(m, p.orderId, p.refundId, p.reason, new Date(p.failedAt)));
    if (outcome.applied) this.parked(e, outcome.result, { orderId: p.orderId, refundId: p.refundId, kind: 'refund', amount: p.amount, reason: p.reason });
  }

  failed(limit: number): Promise<FailedPaymentRequest[]> {
    return this.paymentRequests.failed(this.dataSource.manager, limit);
  }

  failedCounts(): Promise<{ kind: string; count: number }[]> {
    return this.paymentRequests.failedCounts(this.dataSource.manager);
  }

  /** Sends a FAILED request to the payment system again, as it was; it waits for the answer as REQUESTED. */
  async retry(id: string, by: string): Promise<{ ok: true } | { ok: false; code: PaymentRequestRefusal; detail: string }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const row = await this.paymentRequests.retry(m, id);
      if (!row) {
        const exists = await this.paymentRequests.exists(m, id);
        return exists
          ? { ok: false as const, code: 'PAYMENT_REQUEST.NOT_FAILED' as const, detail: `payment request ${id} is not FAILED: it is done or already sent again` }
          : { ok: false as const, code: 'PAYMENT_REQUEST.NOT_FOUND' as const, detail: `no payment request ${id}` };
      }
      await this.outbox.appendMany(
        m,
        requestAgain(row, now).map((e) => ({ def: e.def, payload: e.payload, now })),
      );
      this.logger.log({ orderId: row.orderId, paymentRequestId: id, kind: row.kind, attempts: row.attempts, by }, 'payment request sent again');
      return { ok: true as const };
    });
  }

  private parked(e: EventEnvelope, found: boolean, what: Record<string, unknown>): void {
    if (found) this.logger.error({ ...what, eventId: e.id }, 'the payment system refused a request: parked as FAILED until an operator retries it');
    else this.logger.warn({ ...what, eventId: e.id }, 'a refusal for no open payment request ignored');
  }
}

/** The request a FAILED row was, asked again now: a capture, or a refund under its refundId (both versions where version 1 can say it). */
function requestAgain(r: PaymentRequest, now: Date): PendingEvent[] {
  const requestedAt = now.toISOString();
  if (r.kind === 'capture') {
    return [
      event(PaymentCaptureRequestedV1, {
        ...(r.fulfilmentId ? { fulfilmentId: r.fulfilmentId } : {}),
        orderId: r.orderId,
        amount: r.amount,
        currency: r.currency,
        requestedAt,
      }),
    ];
  }
  return refundRequested({
    orderId: r.orderId,
    fulfilmentId: r.fulfilmentId,
    refundId: r.id,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason ?? 'ORDER.CANCELLED',
    requestedAt,
    ...(r.tenders ? { tenders: r.tenders } : {}),
  });
}
