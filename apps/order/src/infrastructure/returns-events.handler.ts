import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, ReturnCompletedPayload, ReturnCompletedV1, ReturnReplacementShipmentRequestedPayload, ReturnReplacementShipmentRequestedV1 } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { PlaceReplacementOrderUseCase } from '../application/place-replacement-order.use-case';

/** Returns-service events the order service acts on: shipping an exchange's replacement, and returns finished at a store (channel credit). */
@Controller()
export class ReturnsEventsHandler {
  constructor(
    private readonly placeReplacement: PlaceReplacementOrderUseCase,
    private readonly inbox: InboxProcessor,
  ) {}

  /** What a store took back or exchanged, valued at the order's prices, kept once per return. */
  @EventPattern(ceTypeOf(ReturnCompletedV1))
  async onReturnCompleted(@Payload() e: EventEnvelope<ReturnCompletedPayload>): Promise<void> {
    const p = e.data;
    const value = p.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    await this.inbox.once(e, (m) =>
      m.query(
        `INSERT INTO returns_taken_back (return_id, order_id, store_id, kind, order_channel, order_placed_at_store_id, currency, returned_value, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (return_id) DO NOTHING`,
        [p.returnId, p.orderId, p.storeId, p.kind, p.orderChannel, p.orderPlacedAtStoreId, p.currency, value, p.completedAt],
      ),
    );
  }

  @EventPattern(ceTypeOf(ReturnReplacementShipmentRequestedV1))
  onShipmentRequested(@Payload() e: EventEnvelope<ReturnReplacementShipmentRequestedPayload>): Promise<void> {
    return this.placeReplacement.execute(e);
  }
}
