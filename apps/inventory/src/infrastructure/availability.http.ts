import { Controller, Get, Query } from '@nestjs/common';
import { HotRoute, RequireScopes, Optional } from '@omni/platform';
import { Type } from 'class-transformer';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AvailabilityView } from './inventory.api';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { AvailabilityQuery } from '../application/availability.query';
import { problemFor, InventoryProblems } from './problems';

const ID_LIST = /^[A-Za-z0-9._-]{1,64}(,[A-Za-z0-9._-]{1,64}){0,49}$/;

export class AvailabilityQueryDto {
  @ApiProperty({ description: 'comma-separated list of 1-50 SKUs', example: 'SKU-1,SKU-2' })
  @Matches(ID_LIST, { message: 'skus must be a comma-separated list of 1-50 SKUs' })
  skus: string;

  @ApiProperty({ description: 'comma-separated list of 1-50 location ids', example: 'PARIS,LYON' })
  @Matches(ID_LIST, { message: 'stores must be a comma-separated list of 1-50 location ids' })
  stores: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000, default: 1, description: 'units wanted per SKU' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  quantity?: number;
}

@ApiTags('availability')
@Controller('availability')
@RequireScopes('inventory:read')
export class AvailabilityHttpController {
  constructor(private readonly availability: AvailabilityQuery) {}

  @Get()
  @HotRoute()
  @ApiOperation({
    summary: 'Available to promise per store and SKU, and when it could be picked up',
    description: 'An answer, not a promise: nothing is reserved.',
  })
  @ApiOkResponse({ description: 'One answer per store and SKU', type: AvailabilityView })
  @InventoryProblems(['REQUEST.INVALID', 'A query value breaks its rule'], ['LOCATION.NOT_FOUND', 'A store is unknown'])
  async get(@Query() q: AvailabilityQueryDto) {
    const quantity = q.quantity ?? 1;
    const result = await this.availability.answer([...new Set(q.stores.split(','))], [...new Set(q.skus.split(','))], quantity);
    if (!result.ok) throw problemFor('LOCATION.NOT_FOUND', `no location ${result.unknown}`);
    return { quantity, availability: result.answers };
  }
}
