import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  InventoryRejectedPayload,
  InventoryRejectedV1,
  InventoryPreorderAllocatedPayload,
  InventoryPreorderAllocatedV1,
  InventoryPreorderEstimatedPayload,
  InventoryPreorderEstimatedV1,
  InventoryPreorderQueuedPayload,
  InventoryPreorderQueuedV1,
  InventoryReservedForDeliveryPayload,
  InventoryReservedForDeliveryV1,
  InventoryReservedV1,
  ReservationReleasedPayload,
  ReservationReleasedV1,
  ShortPickResolvedPayload,
  ShortPickResolvedV1,
  TransferLostPayload,
  TransferLostV1,
  TransferReceivedPayload,
  TransferReceivedV1,
} from '@omni/contracts';
import { EventBatch, EventRun } from '@omni/messaging';
import { ReactToInventoryUseCase } from '../application/react-to-inventory.use-case';

@Controller()
export class InventoryEventsHandler {
  constructor(private readonly react: ReactToInventoryUseCase) {}

  /** Reservations in runs: one transaction, the run's orders loaded in two statements and their events in one. */
  @EventBatch(InventoryReservedV1)
  async onReservations(@Payload() run: EventRun): Promise<void> {
    await this.react.reservedRun(run);
  }

  @EventPattern(ceTypeOf(InventoryReservedForDeliveryV1))
  async onReservedForDelivery(@Payload() e: EventEnvelope<InventoryReservedForDeliveryPayload>): Promise<void> {
    await this.react.reservedForDelivery(e);
  }

  @EventPattern(ceTypeOf(InventoryPreorderQueuedV1))
  async onPreorderQueued(@Payload() e: EventEnvelope<InventoryPreorderQueuedPayload>): Promise<void> {
    await this.react.preorderQueued(e);
  }

  @EventPattern(ceTypeOf(InventoryPreorderAllocatedV1))
  async onPreorderAllocated(@Payload() e: EventEnvelope<InventoryPreorderAllocatedPayload>): Promise<void> {
    await this.react.preorderAllocated(e);
  }

  @EventPattern(ceTypeOf(InventoryPreorderEstimatedV1))
  async onPreorderEstimated(@Payload() e: EventEnvelope<InventoryPreorderEstimatedPayload>): Promise<void> {
    await this.react.preorderEstimated(e);
  }

  @EventPattern(ceTypeOf(InventoryRejectedV1))
  async onRejected(@Payload() e: EventEnvelope<InventoryRejectedPayload>): Promise<void> {
    await this.react.rejected(e);
  }

  @EventPattern(ceTypeOf(TransferReceivedV1))
  async onTransferReceived(@Payload() e: EventEnvelope<TransferReceivedPayload>): Promise<void> {
    await this.react.transferReceived(e);
  }

  @EventPattern(ceTypeOf(TransferLostV1))
  async onTransferLost(@Payload() e: EventEnvelope<TransferLostPayload>): Promise<void> {
    await this.react.transferLost(e);
  }

  @EventPattern(ceTypeOf(ShortPickResolvedV1))
  async onShortPickResolved(@Payload() e: EventEnvelope<ShortPickResolvedPayload>): Promise<void> {
    await this.react.shortPickResolved(e);
  }

  @EventPattern(ceTypeOf(ReservationReleasedV1))
  async onReservationReleased(@Payload() e: EventEnvelope<ReservationReleasedPayload>): Promise<void> {
    await this.react.reservationReleased(e);
  }
}
