import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { PickupAnswer, pickupAnswer } from '../domain/availability';
import { locationRepository } from '../infrastructure/location.repository';
import { stockRepository } from '../infrastructure/stock.repository';

export interface AvailabilityAnswer {
  storeId: string;
  sku: string;
  availableAtStore: number;
  pickup: PickupAnswer;
}

/** Available-to-promise per store and SKU. Read-only and without locks: an answer, not a promise. */
@Injectable()
export class AvailabilityQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async answer(storeIds: readonly string[], skus: readonly string[], quantity: number): Promise<{ ok: true; answers: AvailabilityAnswer[] } | { ok: false; unknown: string }> {
    const m = this.dataSource.manager;
    const now = this.clock.now();
    const answers: AvailabilityAnswer[] = [];
    for (const storeId of storeIds) {
      const store = await locationRepository.find(m, storeId);
      if (!store) return { ok: false, unknown: storeId };
      const candidates = await stockRepository.candidates(m, storeId, skus);
      for (const sku of skus) {
        const availableAtStore = await stockRepository.availableOf(m, storeId, sku);
        answers.push({ storeId, sku, availableAtStore, pickup: pickupAnswer(store, sku, quantity, availableAtStore, candidates, now) });
      }
    }
    return { ok: true, answers };
  }
}
