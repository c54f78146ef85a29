import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, PaymentRefundedPayload, PaymentRefundedV1, PaymentRefundFailedPayload, PaymentRefundFailedV1 } from '@omni/contracts';
import { PaymentResultsUseCase } from '../application/payment-results.use-case';

/** Results from the payment system (outside this codebase). */
@Controller()
export class PaymentEventsHandler {
  constructor(private readonly results: PaymentResultsUseCase) {}

  @EventPattern(ceTypeOf(PaymentRefundedV1))
  onRefunded(@Payload() e: EventEnvelope<PaymentRefundedPayload>): Promise<void> {
    return this.results.refunded(e);
  }

  @EventPattern(ceTypeOf(PaymentRefundFailedV1))
  onRefundFailed(@Payload() e: EventEnvelope<PaymentRefundFailedPayload>): Promise<void> {
    return this.results.refundFailed(e);
  }
}
