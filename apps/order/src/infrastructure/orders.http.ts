import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Channel, CHANNELS } from '@omni/contracts';
import { assertChannel, assertCustomer, Caller, forbidden, Principal, ProblemException, RequireScopes } from '@omni/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { ActOnOrderUseCase, OrderActionResult } from '../application/act-on-order.use-case';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
import { orderProblem } from './order-problems';
import { orderRepository, paymentRequestRepository } from './order.repository';
import { orderView } from './order.view';

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

  @IsArray() @ValidateNested({ each: true }) @Type(() => OrderLineDto) @ArrayMinSize(1) @ArrayMaxSize(100)
  lines: OrderLineDto[];
}

export class CustomerCancelDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  reason?: string;
}

export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', `${name}: must be a UUID`, [{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
  });

/** Maps a use case's result to the order view or the one problem for its refusal code. */
export async function answer(dataSource: DataSource, r: OrderActionResult) {
  if (!r.ok) throw orderProblem(r.code, r.detail);
  return orderView(r.order, await paymentRequestRepository.forOrder(dataSource.manager, r.order.id));
}

/** A customer token reaches only its customer's orders; a missing order is refused the same way (nothing leaks). */
async function assertOwnOrder(dataSource: DataSource, p: Principal, id: string): Promise<void> {
  if (p.customerId === null) return;
  const order = await orderRepository.find(dataSource.manager, id);
  assertCustomer(p, order ? order.customerId : undefined);
}

@Controller('orders')
export class OrdersHttpController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly act: ActOnOrderUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @RequireScopes('orders:place')
  async place(@Body() body: PlaceOrderDto, @Caller() caller: Principal) {
    assertChannel(caller, body.channel);
    if (caller.customerId !== null && body.customerId !== undefined && body.customerId !== caller.customerId) throw forbidden('the token places orders for its own customer only');
    const order = await this.placeOrder.execute({
      channel: body.channel,
      storeId: body.storeId,
      customerId: caller.customerId ?? body.customerId ?? null,
      currency: body.currency,
      lines: body.lines,
    });
    return orderView(order);
  }

  @Get(':id')
  @RequireScopes('orders:read')
  async get(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    await assertOwnOrder(this.dataSource, caller, id);
    const order = await orderRepository.find(this.dataSource.manager, id);
    if (!order) throw orderProblem('ORDER.NOT_FOUND', `no order ${id}`);
    return orderView(order, await paymentRequestRepository.forOrder(this.dataSource.manager, id));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('orders:cancel')
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CustomerCancelDto, @Caller() caller: Principal) {
    await assertOwnOrder(this.dataSource, caller, id);
    return answer(this.dataSource, await this.act.cancel(id, { kind: 'customer' }, body.reason ?? 'CUSTOMER.REQUEST'));
  }
}
