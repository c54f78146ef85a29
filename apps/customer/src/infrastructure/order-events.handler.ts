import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
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
  OrderPlacedV1,
  OrderPlacedV2,
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
import { EventBatch, EventRun } from '@omni/messaging';
import { ProjectOrderEventsUseCase } from '../application/project-order-events.use-case';

/**
 * Every order event, and the returns events the timeline shows, in runs: order.placed (v1 read
 * as v2) is matched to a profile; every one becomes a timeline entry. A new event type is one
 * more name here and one row in domain/timeline.ts.
 */
@Controller()
export class OrderEventsHandler {
  constructor(private readonly project: ProjectOrderEventsUseCase) {}

  @EventBatch(
    OrderPlacedV1,
    OrderPlacedV2,
    OrderConfirmedV1,
    OrderRejectedV1,
    OrderPickingStartedV1,
    OrderShortPickedV1,
    OrderPartiallyReadyV1,
    OrderTransferArrivedV1,
    OrderReadyForPickupV1,
    OrderCollectedV1,
    OrderCancelledV1,
    OrderExpiredV1,
    OrderLineCancelledV1,
    OrderDeliveryAssignedV1,
    OrderPackedV1,
    OrderShippedV1,
    OrderDeliveredV1,
    OrderDeliveryFailedV1,
    OrderPreorderedV1,
    OrderPreorderAllocatedV1,
    OrderPreorderRescheduledV1,
    ReturnCompletedV1,
    StoreCreditIssuedV1,
    StoreCreditReinstatedV1,
  )
  async onOrderEvents(@Payload() run: EventRun): Promise<void> {
    await this.project.apply(run);
  }
}
