import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, OrderPlacedPayload, OrderPlacedV1, OrderPlacedV2, OrderPlacedV2Payload } from '@omni/contracts';
import { TimelineUseCase } from '../application/record-timeline.use-case';

@Controller()
export class OrderEventsHandler {
  constructor(private readonly timeline: TimelineUseCase) {}

  @EventPattern(ceTypeOf(OrderPlacedV1))
  async onOrderPlaced(@Payload() e: EventEnvelope<OrderPlacedPayload>): Promise<void> {
    await this.timeline.onOrderPlaced(e);
  }

  /** The timeline entry names the pickup store, else the store whose POS placed the order. */
  @EventPattern(ceTypeOf(OrderPlacedV2))
  async onOrderPlacedV2(@Payload() e: EventEnvelope<OrderPlacedV2Payload>): Promise<void> {
    const p = e.data;
    const storeId = p.fulfilments.find((f) => f.storeId)?.storeId ?? p.placedAtStoreId ?? '';
    await this.timeline.onOrderPlaced({ ...e, data: { orderId: p.orderId, channel: p.channel, storeId, customerId: p.customerId, currency: p.currency, lines: p.lines, placedAt: p.placedAt } });
  }
}
