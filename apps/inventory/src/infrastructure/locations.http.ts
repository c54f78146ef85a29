import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsTimeZone, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { RequireScopes, StoreScoped } from '@omni/platform';
import { DataSource } from 'typeorm';
import { LocationsUseCase } from '../application/locations.use-case';
import { Location, LocationKind } from '../domain/location';
import { locationRepository } from './location.repository';
import { checkParams, problemFor } from './problems';

export class LocationDto {
  @IsString() @Length(1, 200)
  name: string;

  @IsIn(['store', 'warehouse'])
  kind: LocationKind;

  @IsTimeZone()
  timeZone: string;

  @IsBoolean()
  offersPickup: boolean;

  @IsInt() @Min(0) @Max(7 * 24 * 60)
  pickTimeMinutes: number;

  @IsInt() @Min(1) @Max(60)
  pickupHoldDays: number;

  /** Days a transfer from this location to any store takes. */
  @IsInt() @Min(0) @Max(60)
  transferDays: number;

  @IsOptional() @IsNumber() @Min(-90) @Max(90)
  latitude?: number;

  @IsOptional() @IsNumber() @Min(-180) @Max(180)
  longitude?: number;
}

@Controller('locations')
export class LocationsHttpController {
  constructor(
    private readonly locations: LocationsUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequireScopes('inventory:read')
  async list() {
    return { locations: await locationRepository.list(this.dataSource.manager) };
  }

  @Get(':id')
  @RequireScopes('inventory:read')
  async get(@Param('id') id: string): Promise<Location> {
    checkParams({ id });
    const l = await locationRepository.find(this.dataSource.manager, id);
    if (!l) throw problemFor('LOCATION.NOT_FOUND', `no location ${id}`);
    return l;
  }

  /** Creates (201) or replaces (200) the location. */
  @Put(':id')
  @RequireScopes('inventory:write')
  @StoreScoped('id')
  async put(@Param('id') id: string, @Body() body: LocationDto, @Res({ passthrough: true }) res: Response): Promise<Location> {
    checkParams({ id });
    const { location, created } = await this.locations.put({ id, ...body, latitude: body.latitude ?? null, longitude: body.longitude ?? null });
    res.status(created ? 201 : 200);
    return location;
  }
}
