import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  OrderCancelledPayload,
  OrderCancelledV1,
  OrderCollectedPayload,
  OrderCollectedV1,
  OrderDeliveredPayload,
  OrderDeliveredV1,
  OrderLineCancelledPayload,
  OrderLineCancelledV1,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderShippedPayload,
  OrderShippedV1,
  PaymentRefundRequestedV2,
  PaymentRefundRequestedV2Payload,
} from '@omni/contracts';
import { EventBatch, EventRun } from '@omni/messaging';
import { OrderReadModelUseCase } from '../application/order-read-model.use-case';
import { OrderRefundsUseCase } from '../application/order-refunds.use-case';

/** Order events that build the returns service's read model of orders, and the order service's refunds of orders paid at placing. */
@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly readModel: OrderReadModelUseCase,
    private readonly refunds: OrderRefundsUseCase,
  ) {}

  /** The order service refunds part of an order paid at placing: a store-credit part comes back here. */
  @EventPattern(ceTypeOf(PaymentRefundRequestedV2))
  onRefundRequested(@Payload() e: EventEnvelope<PaymentRefundRequestedV2Payload>): Promise<void> {
    return this.refunds.requested(e);
  }

  /** Placements in runs: one transaction and one statement for a run's orders and lines. */
  @EventBatch(OrderPlacedV1, OrderPlacedV2)
  onPlacements(@Payload() run: EventRun): Promise<void> {
    return this.readModel.placedRun(run);
  }

  @EventPattern(ceTypeOf(OrderCollectedV1))
  onCollected(@Payload() e: EventEnvelope<OrderCollectedPayload>): Promise<void> {
    return this.readModel.collected(e);
  }

  @EventPattern(ceTypeOf(OrderShippedV1))
  onShipped(@Payload() e: EventEnvelope<OrderShippedPayload>): Promise<void> {
    return this.readModel.shipped(e);
  }

  @EventPattern(ceTypeOf(OrderDeliveredV1))
  onDelivered(@Payload() e: EventEnvelope<OrderDeliveredPayload>): Promise<void> {
    return this.readModel.delivered(e);
  }

  @EventPattern(ceTypeOf(OrderLineCancelledV1))
  onLineCancelled(@Payload() e: EventEnvelope<OrderLineCancelledPayload>): Promise<void> {
    return this.readModel.lineCancelled(e);
  }

  @EventPattern(ceTypeOf(OrderCancelledV1))
  onCancelled(@Payload() e: EventEnvelope<OrderCancelledPayload>): Promise<void> {
    return this.readModel.cancelled(e);
  }
}
