import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { RequireScopes, StoreScoped, ID_PATTERN } from '@omni/platform';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { StockView } from './inventory.api';
import { AdjustStockUseCase } from '../application/adjust-stock.use-case';
import { LocationsUseCase } from '../application/locations.use-case';
import { AdjustmentReason, available, emptyStock, StockLevel } from '../domain/stock';
import { checkParams, problemFor, InventoryProblems } from './problems';
import { InventoryQueries } from '../application/inventory.queries';

export class StockAdjustmentDto {
  @ApiProperty({ enum: ['receipt', 'count', 'damage'], example: 'receipt', description: 'receipt adds, damage removes, count sets on hand' })
  @IsIn(['receipt', 'count', 'damage'])
  reason: AdjustmentReason;

  /** Units received or damaged; for a count, the units counted on hand. */
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    example: 5,
    description: 'units received or damaged; for a count, the units counted on hand',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  quantity: number;
}

export class SafetyStockDto {
  /** Units kept back from promises (display, damage margin). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000, example: 1, description: 'units kept back from promises (display, damage margin)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  safetyStock: number;
}

function stockView(s: StockLevel) {
  return { locationId: s.locationId, sku: s.sku, onHand: s.onHand, reserved: s.reserved, safetyStock: s.safetyStock, available: available(s) };
}

@ApiTags('stock')
@ApiParam({ name: 'locationId', description: 'location id', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
@ApiParam({ name: 'sku', description: 'stock keeping unit', schema: { type: 'string', pattern: ID_PATTERN, example: 'SKU-1' } })
@Controller('locations/:locationId/stock/:sku')
export class StockHttpController {
  constructor(
    private readonly adjust: AdjustStockUseCase,
    private readonly locations: LocationsUseCase,
    private readonly queries: InventoryQueries,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stock of one SKU at one location (zeros when never stocked)' })
  @ApiOkResponse({ description: 'The stock level', type: StockView })
  @InventoryProblems(['REQUEST.INVALID', 'A path value breaks its rule'])
  @RequireScopes('inventory:read')
  async get(@Param('locationId') locationId: string, @Param('sku') sku: string) {
    checkParams({ locationId, sku });
    const s = await this.queries.stock(locationId, sku);
    return stockView(s ?? emptyStock(locationId, sku));
  }

  @Post('adjustments')
  @RequireScopes('inventory:write')
  @StoreScoped('locationId')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Adjust stock: a receipt, a count or damage' })
  @ApiBody({ type: StockAdjustmentDto })
  @ApiOkResponse({ description: 'The stock level after the adjustment', type: StockView })
  @InventoryProblems(400, ['LOCATION.NOT_FOUND', 'No such location'], ['STOCK.BELOW_RESERVED', 'On hand would drop below reserved units'])
  async adjustStock(@Param('locationId') locationId: string, @Param('sku') sku: string, @Body() body: StockAdjustmentDto) {
    checkParams({ locationId, sku });
    const d = await this.adjust.execute(locationId, sku, body.reason, body.quantity);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return stockView(d.state);
  }

  @Put('safety-stock')
  @ApiOperation({ summary: 'Set the safety stock kept back from promises' })
  @ApiBody({ type: SafetyStockDto })
  @ApiOkResponse({ description: 'The stock level', type: StockView })
  @InventoryProblems(400, ['LOCATION.NOT_FOUND', 'No such location'])
  @RequireScopes('inventory:write')
  @StoreScoped('locationId')
  async setSafetyStock(@Param('locationId') locationId: string, @Param('sku') sku: string, @Body() body: SafetyStockDto) {
    checkParams({ locationId, sku });
    const d = await this.locations.setSafetyStock(locationId, sku, body.safetyStock);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return stockView(d.state);
  }
}
