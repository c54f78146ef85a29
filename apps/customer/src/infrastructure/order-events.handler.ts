import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, OrderPlacedPayload, OrderPlacedV1 } from '@omni/contracts';
import { TimelineUseCase } from '../application/record-timeline.use-case';

@Controller()
export class OrderEventsHandler {
  constructor(private readonly timeline: TimelineUseCase) {}

  @EventPattern(ceTypeOf(OrderPlacedV1))
  async onOrderPlaced(@Payload() e: EventEnvelope<OrderPlacedPayload>): Promise<void> {
    await this.timeline.onOrderPlaced(e);
  }
}
