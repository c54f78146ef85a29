import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  OrderCancelledPayload,
  OrderCancelledV1,
  OrderCollectedPayload,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderExpiredPayload,
  OrderExpiredV1,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderDeliveryAssignedV1,
  DeliveryAssignmentPayload,
  OrderShippedV1,
  OrderShippedPayload,
  OrderShortPickedPayload,
  OrderShortPickedV1,
} from '@omni/contracts';
import { OrderLifecycleUseCase } from '../application/order-lifecycle.use-case';
import { ReserveStockRunUseCase } from '../application/reserve-stock-run.use-case';
import { EventBatch, EventRun } from '@omni/messaging';
import { ResolveShortPickUseCase } from '../application/resolve-short-pick.use-case';

@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly reservations: ReserveStockRunUseCase,
    private readonly lifecycle: OrderLifecycleUseCase,
    private readonly shortPick: ResolveShortPickUseCase,
  ) {}

  /**
   * Placements (v1, written before fulfilment groups, read as v2 with one pickup group) and
   * confirmations, in runs: one transaction and a handful of statements for the whole run.
   */
  @EventBatch(OrderPlacedV1, OrderPlacedV2, OrderConfirmedV1)
  async onPlacementsAndConfirmations(@Payload() run: EventRun): Promise<void> {
    await this.reservations.apply(run);
  }

  @EventPattern(ceTypeOf(OrderDeliveryAssignedV1))
  async onDeliveryAssigned(@Payload() e: EventEnvelope<DeliveryAssignmentPayload>): Promise<void> {
    await this.lifecycle.onDeliveryAssigned(e);
  }

  @EventPattern(ceTypeOf(OrderShippedV1))
  async onOrderShipped(@Payload() e: EventEnvelope<OrderShippedPayload>): Promise<void> {
    await this.lifecycle.onShipped(e);
  }

  @EventPattern(ceTypeOf(OrderShortPickedV1))
  async onOrderShortPicked(@Payload() e: EventEnvelope<OrderShortPickedPayload>): Promise<void> {
    await this.shortPick.onShortPicked(e);
  }

  @EventPattern(ceTypeOf(OrderCancelledV1))
  async onOrderCancelled(@Payload() e: EventEnvelope<OrderCancelledPayload>): Promise<void> {
    await this.lifecycle.onCancelled(e);
  }

  @EventPattern(ceTypeOf(OrderExpiredV1))
  async onOrderExpired(@Payload() e: EventEnvelope<OrderExpiredPayload>): Promise<void> {
    await this.lifecycle.onExpired(e);
  }

  @EventPattern(ceTypeOf(OrderCollectedV1))
  async onOrderCollected(@Payload() e: EventEnvelope<OrderCollectedPayload>): Promise<void> {
    await this.lifecycle.onCollected(e);
  }
}
