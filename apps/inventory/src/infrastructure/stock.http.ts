import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AdjustStockUseCase } from '../application/adjust-stock.use-case';
import { AdjustmentReason, available, emptyStock, StockLevel, StockRefusal } from '../domain/stock';
import { stockRepository } from './stock.repository';

const ID = /^[A-Za-z0-9._-]{1,64}$/;

export class StockAdjustmentDto {
  @IsIn(['receipt', 'count', 'damage'])
  reason: AdjustmentReason;

  /** Units received or damaged; for a count, the units counted on hand. */
  @IsInt() @Min(0) @Max(1_000_000)
  quantity: number;
}

function stockView(s: StockLevel) {
  return { locationId: s.locationId, sku: s.sku, onHand: s.onHand, reserved: s.reserved, safetyStock: s.safetyStock, available: available(s) };
}

function checkIds(locationId: string, sku: string): void {
  const errors = [
    ...(ID.test(locationId) ? [] : [{ field: 'locationId', rule: 'matches', message: 'locationId must be 1-64 letters, digits, dot, dash or underscore' }]),
    ...(ID.test(sku) ? [] : [{ field: 'sku', rule: 'matches', message: 'sku must be 1-64 letters, digits, dot, dash or underscore' }]),
  ];
  if (errors.length > 0) throw new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', errors.map((e) => e.message).join('; '), errors);
}

function problemFor(code: StockRefusal, detail?: string): ProblemException {
  switch (code) {
    case 'STOCK.BELOW_RESERVED':
      return new ProblemException(HttpStatus.CONFLICT, code, detail ?? 'on hand cannot drop below reserved units');
  }
}

@Controller('locations/:locationId/stock/:sku')
export class StockHttpController {
  constructor(
    private readonly adjust: AdjustStockUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  async get(@Param('locationId') locationId: string, @Param('sku') sku: string) {
    checkIds(locationId, sku);
    const s = await stockRepository.find(this.dataSource.manager, locationId, sku);
    return stockView(s ?? emptyStock(locationId, sku));
  }

  @Post('adjustments')
  @HttpCode(HttpStatus.OK)
  async adjustStock(@Param('locationId') locationId: string, @Param('sku') sku: string, @Body() body: StockAdjustmentDto) {
    checkIds(locationId, sku);
    const d = await this.adjust.execute(locationId, sku, body.reason, body.quantity);
    if (!d.ok) throw problemFor(d.code, d.detail);
    return stockView(d.state);
  }
}
