import { Injectable } from '@nestjs/common';
import { Clock, SharedRead } from '@omni/platform';
import { DataSource } from 'typeorm';
import { PickupAnswer, pickupAnswer } from '../domain/availability';
import { StockRepository } from './ports/stock.port';

export interface AvailabilityAnswer {
  storeId: string;
  sku: string;
  availableAtStore: number;
  pickup: PickupAnswer;
}

/** Reads of the network begin at most every this many ms: under load, each answers the checks of that span. */
const READ_LINGER_MS = 2;

type Network = Awaited<ReturnType<StockRepository['network']>>;

/**
 * Available-to-promise per store and SKU. Read-only and without locks: an answer, not a promise.
 * One read of the whole network's stock of the SKUs serves every store asked about, and questions
 * asked while a read is under way share the next one (`SharedRead`): under load, one query
 * answers many checks, each read after its question was asked.
 */
@Injectable()
export class AvailabilityQuery {
  private readonly networks: SharedRead<string, Network>;

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
    stock: StockRepository,
  ) {
    this.networks = new SharedRead((skus) => stock.network(dataSource.manager, skus), { lingerMs: READ_LINGER_MS });
  }

  async answer(
    storeIds: readonly string[],
    skus: readonly string[],
    quantity: number,
  ): Promise<{ ok: true; answers: AvailabilityAnswer[] } | { ok: false; unknown: string }> {
    const network = await this.networks.get(skus);
    const now = this.clock.now();
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
