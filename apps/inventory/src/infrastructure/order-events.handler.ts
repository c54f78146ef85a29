import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  OrderCancelledPayload,
  OrderCancelledV1,
  OrderCollectedPayload,
  OrderCollectedV1,
  OrderConfirmedPayload,
  OrderConfirmedV1,
  OrderExpiredPayload,
  OrderExpiredV1,
  OrderPlacedPayload,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderPlacedV2Payload,
  orderPlacedAsV2,
  OrderDeliveryAssignedV1,
  DeliveryAssignmentPayload,
  OrderShippedV1,
  OrderShippedPayload,
  OrderShortPickedPayload,
  OrderShortPickedV1,
} from '@omni/contracts';
import { OrderLifecycleUseCase } from '../application/order-lifecycle.use-case';
import { ReserveStockUseCase } from '../application/reserve-stock.use-case';
import { ResolveShortPickUseCase } from '../application/resolve-short-pick.use-case';

@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly reserve: ReserveStockUseCase,
    private readonly lifecycle: OrderLifecycleUseCase,
    private readonly shortPick: ResolveShortPickUseCase,
  ) {}

  /** Written before fulfilment groups: read as version 2 with one pickup group. */
  @EventPattern(ceTypeOf(OrderPlacedV1))
  async onOrderPlaced(@Payload() e: EventEnvelope<OrderPlacedPayload>): Promise<void> {
    await this.reserve.onOrderPlaced({ ...e, data: orderPlacedAsV2(e.data) });
  }

  @EventPattern(ceTypeOf(OrderPlacedV2))
  async onOrderPlacedV2(@Payload() e: EventEnvelope<OrderPlacedV2Payload>): Promise<void> {
    await this.reserve.onOrderPlaced(e);
  }

  @EventPattern(ceTypeOf(OrderDeliveryAssignedV1))
  async onDeliveryAssigned(@Payload() e: EventEnvelope<DeliveryAssignmentPayload>): Promise<void> {
    await this.lifecycle.onDeliveryAssigned(e);
  }

  @EventPattern(ceTypeOf(OrderShippedV1))
  async onOrderShipped(@Payload() e: EventEnvelope<OrderShippedPayload>): Promise<void> {
    await this.lifecycle.onShipped(e);
  }

  @EventPattern(ceTypeOf(OrderConfirmedV1))
  async onOrderConfirmed(@Payload() e: EventEnvelope<OrderConfirmedPayload>): Promise<void> {
    await this.lifecycle.onConfirmed(e);
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
