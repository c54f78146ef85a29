import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PaymentCapturedPayload, PaymentRefundedPayload, StoreCreditReinstatedPayload } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { PaymentRequestRepository } from './ports/payment-request.port';

/** Records what the payment system (and, for store credit, the returns service) did with the order's requests; payment never changes the order's state. */
@Injectable()
export class RecordPaymentResultUseCase {
  private readonly logger = new Logger('RecordPaymentResult');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly paymentRequests: PaymentRequestRepository,
  ) {}

  async captured(e: EventEnvelope<PaymentCapturedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, async (m) => {
      const found = await this.paymentRequests.recordCaptured(m, p.orderId, p.amount, new Date(p.capturedAt));
      if (!found) this.logger.warn({ orderId: p.orderId, eventId: e.id }, 'capture without an open request ignored');
    });
  }

  async refunded(e: EventEnvelope<PaymentRefundedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, async (m) => {
      const found = await this.paymentRequests.recordRefunded(m, p.orderId, p.refundId, p.amount, new Date(p.refundedAt));
      if (!found) this.logger.warn({ orderId: p.orderId, refundId: p.refundId, eventId: e.id }, 'refund without an open request ignored');
    });
  }

  /** The store-credit part of a refund, paid back to the customer's balance by the returns service. */
  async reinstated(e: EventEnvelope<StoreCreditReinstatedPayload>): Promise<void> {
    const p = e.data;
    await this.inbox.once(e, async (m) => {
      const found = await this.paymentRequests.recordRefunded(m, p.orderId, p.refundId, p.amount, new Date(p.reinstatedAt));
      if (!found)
        this.logger.warn({ orderId: p.orderId, refundId: p.refundId, eventId: e.id }, 'store credit reinstated without an open refund request ignored');
    });
  }
}
