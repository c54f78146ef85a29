import { Controller, Get, Query } from '@nestjs/common';
import { RequireScopes } from '@omni/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AvailabilityQuery } from '../application/availability.query';
import { problemFor } from './problems';

const ID_LIST = /^[A-Za-z0-9._-]{1,64}(,[A-Za-z0-9._-]{1,64}){0,49}$/;

export class AvailabilityQueryDto {
  @Matches(ID_LIST, { message: 'skus must be a comma-separated list of 1-50 SKUs' })
  skus: string;

  @Matches(ID_LIST, { message: 'stores must be a comma-separated list of 1-50 location ids' })
  stores: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  quantity?: number;
}

@Controller('availability')
@RequireScopes('inventory:read')
export class AvailabilityHttpController {
  constructor(private readonly availability: AvailabilityQuery) {}

  @Get()
  async get(@Query() q: AvailabilityQueryDto) {
    const quantity = q.quantity ?? 1;
    const result = await this.availability.answer([...new Set(q.stores.split(','))], [...new Set(q.skus.split(','))], quantity);
    if (!result.ok) throw problemFor('LOCATION.NOT_FOUND', `no location ${result.unknown}`);
    return { quantity, availability: result.answers };
  }
}
