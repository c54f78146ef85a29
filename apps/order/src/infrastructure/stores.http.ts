import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { RequireScopes, StoreScoped } from '@omni/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { ActOnOrderUseCase } from '../application/act-on-order.use-case';
import { remainingQuantity } from '../domain/order';
import { orderRepository } from './order.repository';
import { answer, uuidParam } from './orders.http';

export class PickedLineDto {
  @IsUUID()
  lineId: string;

  /** Units found for the line in total; fewer than the line owes is a short pick. */
  @IsInt() @Min(0) @Max(10000)
  pickedQuantity: number;
}

export class RecordPicksDto {
  @IsArray() @ValidateNested({ each: true }) @Type(() => PickedLineDto) @ArrayMinSize(1) @ArrayMaxSize(100)
  lines: PickedLineDto[];
}

export class CollectDto {
  @IsString() @Matches(/^[0-9A-Za-z -]{6,16}$/, { message: 'pickupCode must be the 8-character code the customer received' })
  pickupCode: string;
}

export class StoreCancelDto {
  @IsString() @MinLength(1) @MaxLength(200)
  reason: string;
}

/**
 * The store's side: what to pick, picking, handing over at the POS, cancelling. A POS token acts
 * only for its store's path (403 AUTH.FORBIDDEN); another store's order reached through the right
 * path is refused by the use case (403 ORDER.WRONG_STORE).
 */
@Controller('stores/:storeId')
@RequireScopes('store:operate')
@StoreScoped('storeId')
export class StoresHttpController {
  constructor(
    private readonly act: ActOnOrderUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get('pick-list')
  async pickList(@Param('storeId') storeId: string) {
    const orders = await orderRepository.pickList(this.dataSource.manager, storeId);
    return {
      storeId,
      orders: orders.map((o) => ({
        orderId: o.id,
        status: o.status,
        readyBy: o.readyBy?.toISOString() ?? null,
        lines: o.lines
          .filter((l) => remainingQuantity(l) > l.pickedQuantity)
          .map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: remainingQuantity(l), pickedQuantity: l.pickedQuantity })),
      })),
    };
  }

  @Post('orders/:id/picking')
  @HttpCode(HttpStatus.OK)
  async startPicking(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string) {
    return answer(this.dataSource, await this.act.startPicking(id, { kind: 'store', storeId }));
  }

  @Post('orders/:id/picks')
  @HttpCode(HttpStatus.OK)
  async picks(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: RecordPicksDto) {
    return answer(this.dataSource, await this.act.recordPicks(id, { kind: 'store', storeId }, body.lines));
  }

  @Post('orders/:id/collect')
  @HttpCode(HttpStatus.OK)
  async collect(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: CollectDto) {
    return answer(this.dataSource, await this.act.collect(id, { kind: 'store', storeId }, body.pickupCode));
  }

  @Post('orders/:id/cancel')
  @HttpCode(HttpStatus.OK)
  async cancel(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: StoreCancelDto) {
    return answer(this.dataSource, await this.act.cancel(id, { kind: 'store', storeId }, body.reason));
  }
}
