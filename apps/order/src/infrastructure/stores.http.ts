import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiProblems, RequireScopes, StoreScoped } from '@omni/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ActOnOrderUseCase } from '../application/act-on-order.use-case';
import { remainingQuantity } from '../domain/order';
import { OrderView, PickListView } from './order.api';
import { orderRepository } from './order.repository';
import { answer, uuidParam } from './orders.http';

export class PickedLineDto {
  @ApiProperty({ format: 'uuid', description: 'line of the order' })
  @IsUUID()
  lineId: string;

  /** Units found for the line in total; fewer than the line owes is a short pick. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, example: 2, description: 'units found for the line in total; fewer than the line owes is a short pick' })
  @IsInt() @Min(0) @Max(10000)
  pickedQuantity: number;
}

export class RecordPicksDto {
  @ApiProperty({ type: () => PickedLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @IsArray() @ValidateNested({ each: true }) @Type(() => PickedLineDto) @ArrayMinSize(1) @ArrayMaxSize(100)
  lines: PickedLineDto[];
}

export class CollectDto {
  @ApiProperty({ description: 'the 8-character code the customer received', example: 'K7QX2M9P', pattern: '^[0-9A-Za-z -]{6,16}$' })
  @IsString() @Matches(/^[0-9A-Za-z -]{6,16}$/, { message: 'pickupCode must be the 8-character code the customer received' })
  pickupCode: string;
}

export class StoreCancelDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'damaged in store' })
  @IsString() @MinLength(1) @MaxLength(200)
  reason: string;
}

/**
 * The store's side: what to pick, picking, handing over at the POS, cancelling. A POS token acts
 * only for its store's path (403 AUTH.FORBIDDEN); another store's order reached through the right
 * path is refused by the use case (403 ORDER.WRONG_STORE).
 */
@ApiTags('stores')
@Controller('stores/:storeId')
@RequireScopes('store:operate')
@StoreScoped('storeId')
export class StoresHttpController {
  constructor(
    private readonly act: ActOnOrderUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get('pick-list')
  @ApiOperation({ summary: 'What the store has to pick: its orders with units still owed' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiResponse({ status: 200, description: 'The pick list', type: PickListView })
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
  @ApiOperation({ summary: 'Start picking a reserved order' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiResponse({ status: 200, description: 'The order, PICKING', type: OrderView })
  @ApiProblems([400, 'id is not a UUID (REQUEST.INVALID)'], [403, 'The order belongs to another store (ORDER.WRONG_STORE)'], [404, 'No such order (ORDER.NOT_FOUND)'], [409, 'Not in a state to pick (ORDER.INVALID_TRANSITION)'])
  async startPicking(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string) {
    return answer(this.dataSource, await this.act.startPicking(id, { kind: 'store', storeId }));
  }

  @Post('orders/:id/picks')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the units found per line', description: 'All found: READY_FOR_PICKUP with a pickup code sent to the customer. Fewer: a short pick, re-sourced or cancelled and refunded.' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiBody({ type: RecordPicksDto })
  @ApiResponse({ status: 200, description: 'The order after the picks', type: OrderView })
  @ApiProblems(400, [403, 'The order belongs to another store (ORDER.WRONG_STORE)'], [404, 'No such order (ORDER.NOT_FOUND)'], [409, 'Not being picked (ORDER.INVALID_TRANSITION)'], [422, 'A line is not in the order (PICK.UNKNOWN_LINE) or more units than it owes (PICK.QUANTITY_EXCEEDED)'])
  async picks(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: RecordPicksDto) {
    return answer(this.dataSource, await this.act.recordPicks(id, { kind: 'store', storeId }, body.lines));
  }

  @Post('orders/:id/collect')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hand the order over at the POS against its pickup code', description: 'Five wrong codes lock the pickup.' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiBody({ type: CollectDto })
  @ApiResponse({ status: 200, description: 'The order, COLLECTED', type: OrderView })
  @ApiProblems(400, [403, 'The order belongs to another store (ORDER.WRONG_STORE)'], [404, 'No such order (ORDER.NOT_FOUND)'], [409, 'Not ready for pickup (ORDER.INVALID_TRANSITION) or locked after wrong codes (PICKUP.LOCKED)'], [422, 'Wrong pickup code (PICKUP.CODE_INVALID)'])
  async collect(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: CollectDto) {
    return answer(this.dataSource, await this.act.collect(id, { kind: 'store', storeId }, body.pickupCode));
  }

  @Post('orders/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel an order as the store', description: 'Releases the stock and requests a refund of what was captured.' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiBody({ type: StoreCancelDto })
  @ApiResponse({ status: 200, description: 'The order, CANCELLED', type: OrderView })
  @ApiProblems(400, [403, 'The order belongs to another store (ORDER.WRONG_STORE)'], [404, 'No such order (ORDER.NOT_FOUND)'], [409, 'The order can no longer be cancelled (ORDER.INVALID_TRANSITION)'])
  async cancel(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: StoreCancelDto) {
    return answer(this.dataSource, await this.act.cancel(id, { kind: 'store', storeId }, body.reason));
  }
}
