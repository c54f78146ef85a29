import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PaymentRefundedPayload, PaymentRefundFailedPayload } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { ReturnRepository } from './ports/return.port';

/**
 * The payment system's answers. payment.refunded and payment.refund-failed carry the refundId of
 * the request they answer: a return's refund is settled, or parked as failed for an operator
 * (RefundRequestsUseCase). Answers to the order service's own refunds share the topic and are
 * not ours: ignored.
 */
@Injectable()
export class PaymentResultsUseCase {
  private readonly logger = new Logger('PaymentResults');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly returns: ReturnRepository,
  ) {}

  async refunded(e: EventEnvelope<PaymentRefundedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, (m) => this.returns.markSettled(m, e.data.orderId, e.data.refundId, new Date(e.data.refundedAt)));
    if (outcome.applied && outcome.result > 0) this.logger.log({ orderId: e.data.orderId, refundId: e.data.refundId }, 'return refund settled');
  }

  async refundFailed(e: EventEnvelope<PaymentRefundFailedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, (m) => this.returns.markFailed(m, e.data.refundId, e.data.reason, new Date(e.data.failedAt)));
    if (outcome.applied && outcome.result > 0) {
      this.logger.error(
        { orderId: e.data.orderId, refundId: e.data.refundId, reason: e.data.reason, eventId: e.id },
        'the payment system refused a return refund: parked as failed until an operator retries it',
      );
    }
  }
}
