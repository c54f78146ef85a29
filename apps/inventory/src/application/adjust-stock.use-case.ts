import { Injectable } from '@nestjs/common';
import { Decision, refuse } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { AdjustmentReason, adjustStock, StockLevel, StockRefusal } from '../domain/stock';
import { LocationRepository } from './ports/location.port';
import { StockRepository } from './ports/stock.port';
import { Preorders } from './preorders';

@Injectable()
export class AdjustStockUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly preorders: Preorders,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
  ) {}

  execute(locationId: string, sku: string, reason: AdjustmentReason, quantity: number): Promise<Decision<StockLevel, StockRefusal | 'LOCATION.NOT_FOUND'>> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.locations.exists(m, locationId))) return refuse('LOCATION.NOT_FOUND', `no location ${locationId}`);
      const now = this.clock.now();
      const current = await this.stock.findForUpdate(m, locationId, sku);
      const d = adjustStock(current, reason, quantity, now);
      if (!d.ok) return d;
      await this.stock.saveOnHand(m, d.state);
      for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
      // Received units serve waiting preorders first, in their order (docs/preorders.md).
      if (reason === 'receipt' && quantity > 0) await this.preorders.unitsArrived(m, sku, locationId, now);
      return d;
    });
  }
}
