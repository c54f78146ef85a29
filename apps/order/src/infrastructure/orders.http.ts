import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Channel, CHANNELS } from '@omni/contracts';
import { ProblemException } from '@omni/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
import { Order } from '../domain/order';
import { orderRepository } from './order.repository';

const ID = /^[A-Za-z0-9._-]{1,64}$/;

export class OrderLineDto {
  @IsString() @Matches(ID, { message: 'sku must be 1-64 letters, digits, dot, dash or underscore' })
  sku: string;

  @IsInt() @Min(1) @Max(10000)
  quantity: number;

  /** Price of one unit in minor units (cents) of the order's currency. */
  @IsInt() @Min(0) @Max(100_000_000)
  unitPrice: number;
}

export class PlaceOrderDto {
  @IsIn(CHANNELS)
  channel: Channel;

  @IsString() @Matches(ID, { message: 'storeId must be 1-64 letters, digits, dot, dash or underscore' })
  storeId: string;

  @IsOptional() @IsString() @MaxLength(64)
  customerId?: string;

  @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ValidateNested({ each: true }) @Type(() => OrderLineDto) @ArrayMinSize(1) @ArrayMaxSize(100)
  lines: OrderLineDto[];
}

export function orderView(o: Order) {
  return {
    id: o.id,
    status: o.status,
    channel: o.channel,
    storeId: o.storeId,
    customerId: o.customerId,
    currency: o.currency,
    lines: o.lines,
    rejectionReason: o.rejectionReason,
    placedAt: o.placedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

@Controller('orders')
export class OrdersHttpController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  async place(@Body() body: PlaceOrderDto) {
    const order = await this.placeOrder.execute({
      channel: body.channel,
      storeId: body.storeId,
      customerId: body.customerId ?? null,
      currency: body.currency,
      lines: body.lines,
    });
    return orderView(order);
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => badId() })) id: string) {
    const order = await orderRepository.find(this.dataSource.manager, id);
    if (!order) throw new ProblemException(HttpStatus.NOT_FOUND, 'ORDER.NOT_FOUND', `no order ${id}`);
    return orderView(order);
  }
}

function badId() {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', 'id: must be a UUID', [
    { field: 'id', rule: 'isUuid', message: 'id must be a UUID' },
  ]);
}
