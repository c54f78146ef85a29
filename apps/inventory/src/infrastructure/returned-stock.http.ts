import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireScopes, ID_PATTERN } from '@omni/platform';
import { checkParams, InventoryProblems } from './problems';
import { InventoryQueries } from '../application/inventory.queries';

export class ReturnedStockItemView {
  @ApiProperty({ type: String, pattern: ID_PATTERN }) sku: string;
  @ApiProperty({ enum: ['damaged', 'return-to-vendor'], description: 'damaged: written off or repaired; return-to-vendor: faulty, goes back to the supplier' })
  bucket: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity: number;
}

export class ReturnedStockView {
  @ApiProperty({ type: String }) locationId: string;
  @ApiProperty({ type: () => ReturnedStockItemView, isArray: true }) items: ReturnedStockItemView[];
}

@ApiTags('stock')
@Controller('locations/:locationId/returned-stock')
export class ReturnedStockHttpController {
  constructor(private readonly queries: InventoryQueries) {}

  @Get()
  @RequireScopes('inventory:read')
  @ApiOperation({ summary: 'Returned units that cannot be sold at a location, by SKU and bucket (never available)' })
  @ApiParam({ name: 'locationId', description: 'location id', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
  @ApiQuery({ name: 'sku', required: false, schema: { type: 'string', pattern: ID_PATTERN } })
  @ApiOkResponse({ description: 'The non-sellable buckets', type: ReturnedStockView })
  @InventoryProblems(['REQUEST.INVALID', 'A path or query value breaks its rule'])
  async get(@Param('locationId') locationId: string, @Query('sku') sku?: string) {
    checkParams(sku === undefined ? { locationId } : { locationId, sku });
    return { locationId, items: await this.queries.returnedStock(locationId, sku ?? null) };
  }
}
