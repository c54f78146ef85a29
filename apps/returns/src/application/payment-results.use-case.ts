import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PaymentRefundedPayload } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { returnRepository } from '../infrastructure/return.repository';

/**
 * The payment system's answers. payment.refunded carries the refundId of the request it answers:
 * a return's refund is settled when it arrives. Answers to the order service's own refunds share
 * the topic and are not ours: ignored.
 */
@Injectable()
export class PaymentResultsUseCase {
  private readonly logger = new Logger('PaymentResults');

  constructor(private readonly inbox: InboxProcessor) {}

  async refunded(e: EventEnvelope<PaymentRefundedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, (m) => returnRepository.markSettled(m, e.data.orderId, e.data.refundId, new Date(e.data.refundedAt)));
    if (outcome.applied && outcome.result > 0) this.logger.log({ orderId: e.data.orderId, refundId: e.data.refundId }, 'return refund settled');
  }
}
