import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderDeliveryAssignedV1,
  OrderDeliveryFailedV1,
  OrderExpiredV1,
  OrderLineCancelledV1,
  OrderPackedV1,
  OrderPartiallyReadyV1,
  OrderPickingStartedV1,
  OrderPlacedPayload,
  orderPlacedAsV2,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderPlacedV2Payload,
  OrderReadyForPickupV1,
  OrderRejectedV1,
  OrderShippedV1,
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  OrderPreorderAllocatedV1,
  OrderPreorderedV1,
  OrderPreorderRescheduledV1,
  ReturnCompletedV1,
  StoreCreditIssuedV1,
  StoreCreditReinstatedV1,
} from '@omni/contracts';
import { EventContext } from '@omni/messaging';
import { LinkOrderUseCase } from '../application/link-order.use-case';
import { RecordTimelineUseCase } from '../application/record-timeline.use-case';
import { TopicPosition } from '../domain/timeline';

const at = (c: EventContext): TopicPosition => ({ topic: c.topic, partition: c.partition, offset: c.offset });

/**
 * Every order event: order.placed (v1 read as v2) is matched to a profile; every one becomes a
 * timeline entry. A new event type is one more method here and one row in domain/timeline.ts.
 */
@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly link: LinkOrderUseCase,
    private readonly timeline: RecordTimelineUseCase,
  ) {}

  @EventPattern(ceTypeOf(OrderPlacedV1))
  onPlacedV1(@Payload() e: EventEnvelope<OrderPlacedPayload>, @Ctx() c: EventContext) {
    return this.link.onOrderPlaced(e, orderPlacedAsV2(e.data), at(c));
  }

  @EventPattern(ceTypeOf(OrderPlacedV2))
  onPlacedV2(@Payload() e: EventEnvelope<OrderPlacedV2Payload>, @Ctx() c: EventContext) {
    return this.link.onOrderPlaced(e, e.data, at(c));
  }

  @EventPattern(ceTypeOf(OrderConfirmedV1))
  onConfirmed(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderRejectedV1))
  onRejected(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPickingStartedV1))
  onPickingStarted(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderShortPickedV1))
  onShortPicked(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPartiallyReadyV1))
  onPartiallyReady(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderTransferArrivedV1))
  onTransferArrived(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderReadyForPickupV1))
  onReadyForPickup(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderCollectedV1))
  onCollected(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderCancelledV1))
  onCancelled(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderExpiredV1))
  onExpired(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderLineCancelledV1))
  onLineCancelled(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderDeliveryAssignedV1))
  onDeliveryAssigned(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPackedV1))
  onPacked(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderShippedV1))
  onShipped(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderDeliveredV1))
  onDelivered(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderDeliveryFailedV1))
  onDeliveryFailed(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPreorderedV1))
  onPreordered(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPreorderAllocatedV1))
  onPreorderAllocated(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(OrderPreorderRescheduledV1))
  onPreorderRescheduled(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(ReturnCompletedV1))
  onReturnCompleted(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(StoreCreditIssuedV1))
  onStoreCreditIssued(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }

  @EventPattern(ceTypeOf(StoreCreditReinstatedV1))
  onStoreCreditReinstated(@Payload() e: EventEnvelope, @Ctx() c: EventContext) {
    return this.timeline.record(e, at(c));
  }
}
