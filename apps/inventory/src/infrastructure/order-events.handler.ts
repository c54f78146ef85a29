import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, OrderPlacedPayload, OrderPlacedV1 } from '@omni/contracts';
import { ReserveStockUseCase } from '../application/reserve-stock.use-case';

@Controller()
export class OrderEventsHandler {
  constructor(private readonly reserve: ReserveStockUseCase) {}

  @EventPattern(ceTypeOf(OrderPlacedV1))
  async onOrderPlaced(@Payload() e: EventEnvelope<OrderPlacedPayload>): Promise<void> {
    await this.reserve.onOrderPlaced(e);
  }
}
