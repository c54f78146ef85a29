import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, PaymentCapturedPayload, PaymentCapturedV1, PaymentRefundedPayload, PaymentRefundedV1, StoreCreditReinstatedPayload, StoreCreditReinstatedV1 } from '@omni/contracts';
import { RecordPaymentResultUseCase } from '../application/record-payment-result.use-case';

@Controller()
export class PaymentEventsHandler {
  constructor(private readonly record: RecordPaymentResultUseCase) {}

  @EventPattern(ceTypeOf(PaymentCapturedV1))
  async onCaptured(@Payload() e: EventEnvelope<PaymentCapturedPayload>): Promise<void> {
    await this.record.captured(e);
  }

  @EventPattern(ceTypeOf(PaymentRefundedV1))
  async onRefunded(@Payload() e: EventEnvelope<PaymentRefundedPayload>): Promise<void> {
    await this.record.refunded(e);
  }

  /** On returns.events.v1: the store-credit part of a refund request is back on the customer's balance. */
  @EventPattern(ceTypeOf(StoreCreditReinstatedV1))
  async onStoreCreditReinstated(@Payload() e: EventEnvelope<StoreCreditReinstatedPayload>): Promise<void> {
    await this.record.reinstated(e);
  }
}
