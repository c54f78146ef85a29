import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Channel, CHANNELS } from '@omni/contracts';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, assertChannel, assertCustomer, Caller, forbidden, Principal, ProblemException, RequireScopes } from '@omni/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { ActOnOrderUseCase, OrderActionResult } from '../application/act-on-order.use-case';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
import { orderProblem } from './order-problems';
import { orderRepository, paymentRequestRepository } from './order.repository';
import { OrderView } from './order.api';
import { orderView } from './order.view';

const ID = /^[A-Za-z0-9._-]{1,64}$/;

export class OrderLineDto {
  @ApiProperty({ description: 'stock keeping unit', example: 'SKU-1', pattern: '^[A-Za-z0-9._-]{1,64}$' })
  @IsString() @Matches(ID, { message: 'sku must be 1-64 letters, digits, dot, dash or underscore' })
  sku: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000, example: 2 })
  @IsInt() @Min(1) @Max(10000)
  quantity: number;

  /** Price of one unit in minor units (cents) of the order's currency. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000_000, example: 8900, description: 'price of one unit in minor units (cents) of the order currency' })
  @IsInt() @Min(0) @Max(100_000_000)
  unitPrice: number;
}

export class PlaceOrderDto {
  @ApiProperty({ enum: CHANNELS, example: 'web', description: 'sales channel the order was placed in' })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'store where the customer collects the order', example: 'PARIS', pattern: '^[A-Za-z0-9._-]{1,64}$' })
  @IsString() @Matches(ID, { message: 'storeId must be 1-64 letters, digits, dot, dash or underscore' })
  storeId: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'cust-42', description: 'customer, when known; the order appears on their timeline' })
  @IsOptional() @IsString() @MaxLength(64)
  customerId?: string;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ type: () => OrderLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @IsArray() @ValidateNested({ each: true }) @Type(() => OrderLineDto) @ArrayMinSize(1) @ArrayMaxSize(100)
  lines: OrderLineDto[];
}

export class CustomerCancelDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'changed my mind', description: 'defaults to CUSTOMER.REQUEST' })
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

@ApiTags('orders')
@Controller('orders')
export class OrdersHttpController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly act: ActOnOrderUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Place an order', description: 'Saved as PLACED; inventory then reserves every line (RESERVED or AWAITING_TRANSFER) or rejects it (REJECTED).' })
  @ApiBody({ type: PlaceOrderDto })
  @ApiResponse({ status: 201, description: 'The order, PLACED', type: OrderView })
  @ApiProblems(400)
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
  @ApiOperation({ summary: 'An order, its lines, promise, cancellation and payments' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiResponse({ status: 200, description: 'The order', type: OrderView })
  @ApiProblems([400, 'id is not a UUID (REQUEST.INVALID)'], [404, 'No such order (ORDER.NOT_FOUND)'])
  @RequireScopes('orders:read')
  async get(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    await assertOwnOrder(this.dataSource, caller, id);
    const order = await orderRepository.find(this.dataSource.manager, id);
    if (!order) throw orderProblem('ORDER.NOT_FOUND', `no order ${id}`);
    return orderView(order, await paymentRequestRepository.forOrder(this.dataSource.manager, id));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel an order as its customer', description: 'Releases the stock and requests a refund of what was captured.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiBody({ type: CustomerCancelDto })
  @ApiResponse({ status: 200, description: 'The order, CANCELLED', type: OrderView })
  @ApiProblems(400, [404, 'No such order (ORDER.NOT_FOUND)'], [409, 'The order can no longer be cancelled (ORDER.INVALID_TRANSITION)'])
  @RequireScopes('orders:cancel')
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CustomerCancelDto, @Caller() caller: Principal) {
    await assertOwnOrder(this.dataSource, caller, id);
    return answer(this.dataSource, await this.act.cancel(id, { kind: 'customer' }, body.reason ?? 'CUSTOMER.REQUEST'));
  }
}
