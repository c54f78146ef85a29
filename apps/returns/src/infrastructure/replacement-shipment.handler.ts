import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  EventEnvelope,
  OrderReplacementPlacedPayload,
  OrderReplacementPlacedV1,
  OrderReplacementRefusedPayload,
  OrderReplacementRefusedV1,
} from '@omni/contracts';
import { ExchangeRepliesUseCase } from '../application/exchange-replies.use-case';

/** The order service's answers to return.replacement-shipment-requested. */
@Controller()
export class ReplacementShipmentHandler {
  constructor(private readonly replies: ExchangeRepliesUseCase) {}

  @EventPattern(ceTypeOf(OrderReplacementPlacedV1))
  onPlaced(@Payload() e: EventEnvelope<OrderReplacementPlacedPayload>): Promise<void> {
    return this.replies.shipmentPlaced(e);
  }

  @EventPattern(ceTypeOf(OrderReplacementRefusedV1))
  onRefused(@Payload() e: EventEnvelope<OrderReplacementRefusedPayload>): Promise<void> {
    return this.replies.shipmentRefused(e);
  }
}
