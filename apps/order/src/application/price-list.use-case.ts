import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { checkPriceEntries, PriceEntry, priceEntryPayload, PriceEntryProblem, PriceListChangedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { PriceListRepository } from './ports/price-list.port';

/**
 * A pricing system replaces a SKU's prices (docs/carts.md, ADR 0013): checked, then all of them
 * at once, told to other services in the same transaction (price-list.changed: the returns
 * service prices exchanges from it).
 */
@Injectable()
export class PriceListUseCase implements OnApplicationBootstrap {
  private readonly logger = new Logger('PriceList');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    private readonly priceList: PriceListRepository,
  ) {}

  async replace(sku: string, entries: readonly PriceEntry[]): Promise<{ ok: true; updatedAt: Date } | { ok: false; problems: PriceEntryProblem[] }> {
    const problems = checkPriceEntries(entries);
    if (problems.length > 0) return { ok: false, problems };
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.priceList.replace(m, sku, entries, now);
      await this.outbox.append(m, PriceListChangedV1, { sku, prices: entries.map(priceEntryPayload), changedAt: now.toISOString() }, now);
    });
    return { ok: true, updatedAt: now };
  }

  /**
   * Prices listed before price-list.changed existed are announced once, each SKU's whole list,
   * by the first instance to start after the migration that asks for it (the row it deletes is
   * the claim: a second instance finds none).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [claimed] = (await m.query(`DELETE FROM pending_announcements WHERE what = 'price-list' RETURNING what`)) as [unknown[], number];
      if (claimed.length === 0) return;
      const now = this.clock.now();
      const lists = await this.priceList.all(m);
      for (const [sku, entries] of lists)
        await this.outbox.append(m, PriceListChangedV1, { sku, prices: entries.map(priceEntryPayload), changedAt: now.toISOString() }, now);
      this.logger.log({ skus: lists.size }, 'price list announced');
    });
  }
}
