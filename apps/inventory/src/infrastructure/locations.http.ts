import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, IsTimeZone, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, RequireScopes, StoreScoped, Optional, ID_PATTERN } from '@omni/platform';
import { LocationListView, LocationView } from './inventory.api';
import { LocationsUseCase } from '../application/locations.use-case';
import { Location, LocationKind } from '../domain/location';
import { checkParams, problemFor, InventoryProblems } from './problems';
import { InventoryQueries } from '../application/inventory.queries';

export class LocationDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Paris Opéra' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['store', 'warehouse'], example: 'store' })
  @IsIn(['store', 'warehouse'])
  kind: LocationKind;

  @ApiProperty({ description: 'IANA time zone', example: 'Europe/Paris' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({ description: 'whether customers can collect orders here', example: true })
  @IsBoolean()
  offersPickup: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 7 * 24 * 60,
    example: 60,
    description: 'minutes the store needs to pick an order once the units are there',
  })
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  pickTimeMinutes: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 60, example: 3, description: 'days a ready order waits at the store before it expires' })
  @IsInt()
  @Min(1)
  @Max(60)
  pickupHoldDays: number;

  /** Days a transfer from this location to any store takes. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 60, example: 2, description: 'days a transfer from this location to any store takes' })
  @IsInt()
  @Min(0)
  @Max(60)
  transferDays: number;

  @ApiPropertyOptional({ type: Number, minimum: -90, maximum: 90, example: 48.8708 })
  @Optional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ type: Number, minimum: -180, maximum: 180, example: 2.3319 })
  @Optional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;
}

@ApiTags('locations')
@Controller('locations')
export class LocationsHttpController {
  constructor(
    private readonly locations: LocationsUseCase,
    private readonly queries: InventoryQueries,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every location, by id' })
  @ApiOkResponse({ description: 'The locations', type: LocationListView })
  @RequireScopes('inventory:read')
  async list() {
    return { locations: await this.queries.locations() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One location' })
  @ApiParam({ name: 'id', description: 'location id', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
  @ApiOkResponse({ description: 'The location', type: LocationView })
  @InventoryProblems(['REQUEST.INVALID', 'id breaks its rule'], ['LOCATION.NOT_FOUND', 'No such location'])
  @RequireScopes('inventory:read')
  async get(@Param('id') id: string): Promise<Location> {
    checkParams({ id });
    const l = await this.queries.location(id);
    if (!l) throw problemFor('LOCATION.NOT_FOUND', `no location ${id}`);
    return l;
  }

  /** Creates (201) or replaces (200) the location. */
  @Put(':id')
  @ApiOperation({ summary: 'Create or replace a location (store or warehouse)' })
  @ApiParam({ name: 'id', description: 'location id', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
  @ApiBody({ type: LocationDto })
  @ApiResponse({ status: 201, description: 'Created', type: LocationView })
  @ApiResponse({ status: 200, description: 'Replaced', type: LocationView })
  @ApiProblems(400)
  @RequireScopes('inventory:write')
  @StoreScoped('id')
  async put(@Param('id') id: string, @Body() body: LocationDto, @Res({ passthrough: true }) res: Response): Promise<Location> {
    checkParams({ id });
    const { location, created } = await this.locations.put({ id, ...body, latitude: body.latitude ?? null, longitude: body.longitude ?? null });
    res.status(created ? 201 : 200);
    return location;
  }
}
