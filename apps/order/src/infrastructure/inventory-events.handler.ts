import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, InventoryRejectedPayload, InventoryRejectedV1, InventoryReservedPayload, InventoryReservedV1 } from '@omni/contracts';
import { ApplyReservationResultUseCase } from '../application/apply-reservation-result.use-case';

@Controller()
export class InventoryEventsHandler {
  constructor(private readonly applyResult: ApplyReservationResultUseCase) {}

  @EventPattern(ceTypeOf(InventoryReservedV1))
  async onReserved(@Payload() e: EventEnvelope<InventoryReservedPayload>): Promise<void> {
    await this.applyResult.reserved(e);
  }

  @EventPattern(ceTypeOf(InventoryRejectedV1))
  async onRejected(@Payload() e: EventEnvelope<InventoryRejectedPayload>): Promise<void> {
    await this.applyResult.rejected(e);
  }
}
