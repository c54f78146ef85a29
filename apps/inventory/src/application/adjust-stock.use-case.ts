import { Injectable } from '@nestjs/common';
import { Decision } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { DataSource } from 'typeorm';
import { AdjustmentReason, adjustStock, StockLevel, StockRefusal } from '../domain/stock';
import { stockRepository } from '../infrastructure/stock.repository';

@Injectable()
export class AdjustStockUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(locationId: string, sku: string, reason: AdjustmentReason, quantity: number): Promise<Decision<StockLevel, StockRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const current = await stockRepository.findForUpdate(m, locationId, sku);
      const d = adjustStock(current, reason, quantity, new Date());
      if (!d.ok) return d;
      await stockRepository.saveOnHand(m, d.state);
      for (const e of d.events) await this.outbox.append(m, e.def, e.payload);
      return d;
    });
  }
}
