import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, ReturnReplacementShipmentRequestedPayload, ReturnReplacementShipmentRequestedV1 } from '@omni/contracts';
import { PlaceReplacementOrderUseCase } from '../application/place-replacement-order.use-case';

/** Returns-service requests the order service acts on: shipping an exchange's replacement. */
@Controller()
export class ReturnsEventsHandler {
  constructor(private readonly placeReplacement: PlaceReplacementOrderUseCase) {}

  @EventPattern(ceTypeOf(ReturnReplacementShipmentRequestedV1))
  onShipmentRequested(@Payload() e: EventEnvelope<ReturnReplacementShipmentRequestedPayload>): Promise<void> {
    return this.placeReplacement.execute(e);
  }
}
