import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PriceListChangedPayload } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { PriceListRepository } from './ports/price-list.port';

/**
 * The price list kept from the order service's price-list.changed (ADR 0019): an exchange's
 * replacements are priced from it as the order service prices a sale at the same till.
 */
@Injectable()
export class PriceListProjection {
  private readonly logger = new Logger('PriceList');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly priceList: PriceListRepository,
  ) {}

  async changed(e: EventEnvelope<PriceListChangedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, async (m) => {
      const applied = await this.priceList.replace(m, e.data.sku, e.data.prices, new Date(e.data.changedAt));
      if (!applied) this.logger.log({ sku: e.data.sku, eventId: e.id }, 'an older price list change, kept out');
    });
    if (!outcome.applied) this.logger.log({ eventId: e.id }, 'event already processed');
  }
}
