import { Injectable, Logger } from '@nestjs/common';
import { ReturnRefundRequestedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { FailedRefundRequest, ReturnRepository } from './ports/return.port';
import { refundRequest } from './settlement';

export type RefundRequestRefusal = 'REFUND_REQUEST.NOT_FOUND' | 'REFUND_REQUEST.NOT_FAILED';

/**
 * Refunds of returns the payment system refused (docs/operations.md, Runbook: ReturnRefundsFailed): parked with
 * the reason (payment.refund-failed) — never dropped, never retried behind anyone's back, since
 * only a person can tell whether a closed card will take the same refund again — listed for
 * operators, counted by the return_refunds_failed gauge, and sent again by one, under the same
 * refundId, so the payment system can tell a repeat from a new refund.
 */
@Injectable()
export class RefundRequestsUseCase {
  private readonly logger = new Logger('RefundRequests');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly returns: ReturnRepository,
  ) {}

  failed(limit: number): Promise<FailedRefundRequest[]> {
    return this.returns.failedRequests(this.dataSource.manager, limit);
  }

  failedCount(): Promise<number> {
    return this.returns.failedRequestCount(this.dataSource.manager);
  }

  async retry(refundId: string, by: string): Promise<{ ok: true } | { ok: false; code: RefundRequestRefusal; detail: string }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const request = await this.returns.resend(m, refundId);
      if (!request) {
        return (await this.returns.isRefundRequest(m, refundId))
          ? { ok: false as const, code: 'REFUND_REQUEST.NOT_FAILED' as const, detail: `refund ${refundId} is not failed: it is settled or already sent again` }
          : { ok: false as const, code: 'REFUND_REQUEST.NOT_FOUND' as const, detail: `no refund ${refundId}` };
      }
      const again = refundRequest(
        { id: request.returnId, orderId: request.orderId, currency: request.currency, kind: request.kind },
        refundId,
        request.tenders,
        now,
      );
      await this.outbox.append(m, ReturnRefundRequestedV1, again, now);
      this.logger.log({ returnId: request.returnId, orderId: request.orderId, refundId, attempts: request.attempts + 1, by }, 'return refund sent again');
      return { ok: true as const };
    });
  }
}
