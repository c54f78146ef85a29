import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { PickupAnswer, pickupAnswer } from '../domain/availability';
import { stockRepository } from '../infrastructure/stock.repository';

export interface AvailabilityAnswer {
  storeId: string;
  sku: string;
  availableAtStore: number;
  pickup: PickupAnswer;
}

/**
 * Available-to-promise per store and SKU. Read-only and without locks: an answer, not a promise.
 * One read of the whole network's stock of the SKUs serves every store asked about.
 */
@Injectable()
export class AvailabilityQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async answer(storeIds: readonly string[], skus: readonly string[], quantity: number): Promise<{ ok: true; answers: AvailabilityAnswer[] } | { ok: false; unknown: string }> {
    const now = this.clock.now();
    const network = await stockRepository.network(this.dataSource.manager, skus);
    const answers: AvailabilityAnswer[] = [];
    for (const storeId of storeIds) {
      const here = network.find((n) => n.location.id === storeId);
      if (!here) return { ok: false, unknown: storeId };
      const candidates = network.filter((n) => n !== here);
      for (const sku of skus) {
        const availableAtStore = here.available[sku] ?? 0;
        answers.push({ storeId, sku, availableAtStore, pickup: pickupAnswer(here.location, sku, quantity, availableAtStore, candidates, now) });
      }
    }
    return { ok: true, answers };
  }
}
