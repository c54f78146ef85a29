import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { RequireScopes, StoreScoped } from '@omni/platform';
import { DataSource } from 'typeorm';
import { AdjustStockUseCase } from '../application/adjust-stock.use-case';
import { LocationsUseCase } from '../application/locations.use-case';
import { AdjustmentReason, available, emptyStock, StockLevel } from '../domain/stock';
import { checkParams, problemFor } from './problems';
import { stockRepository } from './stock.repository';

export class StockAdjustmentDto {
  @IsIn(['receipt', 'count', 'damage'])
  reason: AdjustmentReason;

  /** Units received or damaged; for a count, the units counted on hand. */
  @IsInt() @Min(0) @Max(1_000_000)
  quantity: number;
}

export class SafetyStockDto {
  /** Units kept back from promises (display, damage margin). */
  @IsInt() @Min(0) @Max(1_000_000)
  safetyStock: number;
}

function stockView(s: StockLevel) {
  return { locationId: s.locationId, sku: s.sku, onHand: s.onHand, reserved: s.reserved, safetyStock: s.safetyStock, available: available(s) };
}

@Controller('locations/:locationId/stock/:sku')
export class StockHttpController {
  constructor(
    private readonly adjust: AdjustStockUseCase,
    private readonly locations: LocationsUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequireScopes('inventory:read')
  async get(@Param('locationId') locationId: string, @Param('sku') sku: string) {
    checkParams({ locationId, sku });
    const s = await stockRepository.find(this.dataSource.manager, locationId, sku);
    return stockView(s ?? emptyStock(locationId, sku));
  }

  @Post('adjustments')
  @RequireScopes('inventory:write')
  @StoreScoped('locationId')
  @HttpCode(HttpStatus.OK)
  async adjustStock(@Param('locationId') locationId: string, @Param('sku') sku: string, @Body() body: StockAdjustmentDto) {
    checkParams({ locationId, sku });
    const d = await this.adjust.execute(locationId, sku, body.reason, body.quantity);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return stockView(d.state);
  }

  @Put('safety-stock')
  @RequireScopes('inventory:write')
  @StoreScoped('locationId')
  async setSafetyStock(@Param('locationId') locationId: string, @Param('sku') sku: string, @Body() body: SafetyStockDto) {
    checkParams({ locationId, sku });
    const d = await this.locations.setSafetyStock(locationId, sku, body.safetyStock);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return stockView(d.state);
  }
}
