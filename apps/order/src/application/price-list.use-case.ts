import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { checkPriceEntries, PriceEntry, PriceEntryProblem } from '../domain/price-list';
import { priceListRepository } from '../infrastructure/price-list.repository';

/** A pricing system replaces a SKU's prices (docs/carts.md, ADR 0013): checked, then all of them at once. */
@Injectable()
export class PriceListUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async replace(sku: string, entries: readonly PriceEntry[]): Promise<{ ok: true; updatedAt: Date } | { ok: false; problems: PriceEntryProblem[] }> {
    const problems = checkPriceEntries(entries);
    if (problems.length > 0) return { ok: false, problems };
    const now = this.clock.now();
    await this.dataSource.transaction((m) => priceListRepository.replace(m, sku, entries, now));
    return { ok: true, updatedAt: now };
  }
}
