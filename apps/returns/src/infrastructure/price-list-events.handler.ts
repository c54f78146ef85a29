import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, PriceListChangedPayload, PriceListChangedV1 } from '@omni/contracts';
import { PriceListProjection } from '../application/price-list.use-case';

/** The order service's price list, kept to price exchanges. */
@Controller()
export class PriceListEventsHandler {
  constructor(private readonly priceList: PriceListProjection) {}

  @EventPattern(ceTypeOf(PriceListChangedV1))
  onChanged(@Payload() e: EventEnvelope<PriceListChangedPayload>): Promise<void> {
    return this.priceList.changed(e);
  }
}
