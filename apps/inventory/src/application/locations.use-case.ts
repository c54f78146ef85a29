import { Injectable } from '@nestjs/common';
import { accept, Decision, refuse } from '@omni/contracts';
import { DataSource } from 'typeorm';
import { Location } from '../domain/location';
import { StockLevel } from '../domain/stock';
import { LocationRepository } from './ports/location.port';
import { StockRepository } from './ports/stock.port';

@Injectable()
export class LocationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
  ) {}

  /** Creates or replaces a location; `created` tells which. */
  async put(l: Location): Promise<{ location: Location; created: boolean }> {
    const created = await this.locations.upsert(this.dataSource.manager, l);
    return { location: l, created };
  }

  setSafetyStock(locationId: string, sku: string, safetyStock: number): Promise<Decision<StockLevel, 'LOCATION.NOT_FOUND'>> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.locations.exists(m, locationId))) return refuse('LOCATION.NOT_FOUND', `no location ${locationId}`);
      return accept(await this.stock.setSafetyStock(m, locationId, sku, safetyStock));
    });
  }
}
