import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  PaymentCaptureFailedPayload,
  PaymentCaptureFailedV1,
  PaymentCapturedPayload,
  PaymentCapturedV1,
  PaymentRefundedPayload,
  PaymentRefundedV1,
  PaymentRefundFailedPayload,
  PaymentRefundFailedV1,
  StoreCreditReinstatedPayload,
  StoreCreditReinstatedV1,
} from '@omni/contracts';
import { PaymentRequestsUseCase } from '../application/payment-requests.use-case';
import { RecordPaymentResultUseCase } from '../application/record-payment-result.use-case';

@Controller()
export class PaymentEventsHandler {
  constructor(
    private readonly record: RecordPaymentResultUseCase,
    private readonly requests: PaymentRequestsUseCase,
  ) {}

  /** A refused capture or refund is parked for an operator (docs/operations.md, Runbook: PaymentRequestsFailed). */
  @EventPattern(ceTypeOf(PaymentCaptureFailedV1))
  async onCaptureFailed(@Payload() e: EventEnvelope<PaymentCaptureFailedPayload>): Promise<void> {
    await this.requests.captureFailed(e);
  }

  @EventPattern(ceTypeOf(PaymentRefundFailedV1))
  async onRefundFailed(@Payload() e: EventEnvelope<PaymentRefundFailedPayload>): Promise<void> {
    await this.requests.refundFailed(e);
  }

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
