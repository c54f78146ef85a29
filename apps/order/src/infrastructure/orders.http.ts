import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { Channel, CHANNELS, FULFILMENT_TYPES, FulfilmentType, TENDERS } from '@omni/contracts';
import { ApiBody, ApiOperation, ApiProduces, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AddressDto,
  PricedLineDto,
  assertChannel,
  assertCustomer,
  Caller,
  forbidden,
  priceOverrider,
  Principal,
  RequireScopes,
  NestedArray,
  NestedObject,
  Optional,
  ID_REGEX,
  ID_PATTERN,
  idRuleMessage,
  invalidField,
  KeyTakenWithEffects,
  uuidParam,
  answerWithEffects,
  preferredWait,
} from '@omni/platform';
import type { Request, Response } from 'express';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ActOnOrderUseCase, OrderActionResult } from '../application/act-on-order.use-case';
import { PlaceOrderUseCase } from '../application/place-order.use-case';
import { FulfilmentRequest } from '../application/place-order.use-case';
import { Contact, Order } from '../domain/order';
import { orderProblem, OrderProblems } from './order-problems';
import { OrderView } from './order.api';
import { orderView } from './order.view';
import { AdmittedPlacement } from './placement-admission';
import { ApiPlacementOutcome, MAX_PLACEMENT_WAIT_S, PlacementOutcome } from './placement-outcome';
import { OrderStream } from './order-stream';
import { orderCartView } from './cart.view';
import { OrderQueries } from '../application/order.queries';

/** A line of an order or a cart. */
export class OrderLineDto extends PricedLineDto {}

export class FulfilmentDto {
  @ApiProperty({ enum: FULFILMENT_TYPES, description: 'pickup: collected at storeId; delivery: shipped to address' })
  @IsIn(FULFILMENT_TYPES)
  type: FulfilmentType;

  @ApiPropertyOptional({ description: 'pickup store (pickup only)', example: 'PARIS', pattern: ID_PATTERN })
  @ValidateIf((f: FulfilmentDto) => f.type === 'pickup' || f.storeId !== undefined)
  @IsString()
  @Matches(ID_REGEX, { message: idRuleMessage('storeId') })
  storeId?: string;

  @ApiPropertyOptional({ type: () => AddressDto, description: 'delivery address (delivery only)' })
  @ValidateIf((f: FulfilmentDto) => f.type === 'delivery' || f.address !== undefined)
  @NestedObject(() => AddressDto)
  address?: AddressDto;

  @ApiProperty({ type: () => OrderLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @NestedArray(() => OrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: OrderLineDto[];

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'a preorder (products not released yet; docs/preorders.md): a pickup is collected at its store, a delivery ships from the warehouse where it waits in line',
  })
  @Optional()
  @IsBoolean()
  preorder?: boolean;
}

/** Every field may be absent or null (a guest gives what they have); both mean the same. */
export class ContactDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254, example: 'ada@example.com' })
  @Optional({ nullable: true })
  @IsEmail({}, { message: 'contact.email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32, example: '+33 6 12 34 56 78' })
  @Optional({ nullable: true })
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,32}$/, { message: 'contact.phone must be a phone number: digits, spaces, + ( ) . -' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, example: 'LOY-000123' })
  @Optional({ nullable: true })
  @IsString()
  @Length(1, 64)
  loyaltyId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Ada Martin' })
  @Optional({ nullable: true })
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20, example: '75011' })
  @Optional({ nullable: true })
  @IsString()
  @Length(1, 20)
  postcode?: string | null;
}

export class CapturedTenderDto {
  @ApiProperty({ enum: TENDERS })
  @IsIn(TENDERS)
  tender: (typeof TENDERS)[number];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000_000, description: 'minor units captured' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @ApiProperty({ minLength: 1, maxLength: 64, example: 'POS-PARIS-0042', description: 'terminal or payment reference' })
  @IsString()
  @Length(1, 64)
  reference: string;
}

/**
 * Either the click & collect shorthand (storeId + lines: one pickup group) or fulfilments (one or
 * more groups, each picked up at a store or delivered to an address), not both.
 */
export class PlaceOrderDto {
  @ApiProperty({ enum: CHANNELS, example: 'web', description: 'sales channel the order was placed in' })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({
    description: 'store where the customer collects the order (shorthand for one pickup group, with lines)',
    example: 'PARIS',
    pattern: ID_PATTERN,
  })
  @ValidateIf((o: PlaceOrderDto) => o.fulfilments === undefined || o.storeId !== undefined)
  @IsString()
  @Matches(ID_REGEX, { message: idRuleMessage('storeId') })
  storeId?: string;

  @ApiPropertyOptional({ type: () => OrderLineDto, isArray: true, minItems: 1, maxItems: 100, description: 'lines of the pickup at storeId' })
  @ValidateIf((o: PlaceOrderDto) => o.fulfilments === undefined || o.lines !== undefined)
  @NestedArray(() => OrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines?: OrderLineDto[];

  @ApiPropertyOptional({
    type: () => FulfilmentDto,
    isArray: true,
    minItems: 1,
    maxItems: 10,
    description: 'the groups of the order (instead of storeId + lines)',
  })
  @Optional()
  @NestedArray(() => FulfilmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  fulfilments?: FulfilmentDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 64,
    example: 'cust-42',
    description: 'customer, when known; the order appears on their timeline; absent or null: a guest',
  })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(64)
  customerId?: string | null;

  @ApiPropertyOptional({ type: () => ContactDto, description: "how to reach the customer: a guest's only identity" })
  @Optional()
  @NestedObject(() => ContactDto)
  contact?: ContactDto;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({
    type: () => CapturedTenderDto,
    isArray: true,
    maxItems: 5,
    description: 'payment already taken (at a POS): must add up to the order total',
  })
  @Optional()
  @NestedArray(() => CapturedTenderDto)
  @ArrayMaxSize(5)
  capturedTenders?: CapturedTenderDto[];
}

export class CustomerCancelDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'changed my mind', description: 'defaults to CUSTOMER.REQUEST' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason?: string;
}

/** The groups a placement asks for: the click & collect shorthand or explicit fulfilments, never both. */
function fulfilmentsOf(body: PlaceOrderDto): FulfilmentRequest[] {
  if (body.fulfilments !== undefined && (body.storeId !== undefined || body.lines !== undefined)) {
    throw invalidField('fulfilments', 'exclusive', 'fulfilments replaces storeId and lines: send one or the other');
  }
  if (body.fulfilments === undefined) return [{ type: 'pickup', storeId: body.storeId!, lines: body.lines! }];
  return body.fulfilments.map((f, i) => {
    if (f.type === 'pickup' && f.address !== undefined)
      throw invalidField(`fulfilments.${i}.address`, 'pickupHasNoAddress', `fulfilments.${i}.address: a pickup has no delivery address`);
    if (f.type === 'delivery' && f.storeId !== undefined)
      throw invalidField(
        `fulfilments.${i}.storeId`,
        'deliveryHasNoStore',
        `fulfilments.${i}.storeId: a delivery has no pickup store (inventory chooses where it ships from)`,
      );
    const preorder = f.preorder ? { preorder: true as const } : {};
    return f.type === 'pickup'
      ? { type: 'pickup', storeId: f.storeId!, lines: f.lines, ...preorder }
      : { type: 'delivery', address: { ...f.address!, line2: f.address!.line2 ?? null }, lines: f.lines, ...preorder };
  });
}

function contactOf(c: ContactDto | undefined): Contact | null {
  if (!c) return null;
  return { email: c.email ?? null, phone: c.phone ?? null, loyaltyId: c.loyaltyId ?? null, name: c.name ?? null, postcode: c.postcode ?? null };
}

/** Maps a use case's result to the order view or the one problem for its refusal code. */
export async function answer(queries: OrderQueries, r: OrderActionResult) {
  if (!r.ok) throw orderProblem(r.code, r.detail);
  return orderView(r.order, await queries.payments(r.order.id));
}

/** A customer token reaches only its customer's orders; a missing order is refused the same way (nothing leaks). */
async function assertOwnOrder(queries: OrderQueries, p: Principal, id: string): Promise<void> {
  if (p.customerId === null) return;
  const order = await queries.order(id);
  assertCustomer(p, order ? order.customerId : undefined);
}

@ApiTags('orders')
@Controller('orders')
export class OrdersHttpController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly act: ActOnOrderUseCase,
    private readonly queries: OrderQueries,
    private readonly outcome: PlacementOutcome,
    private readonly orderStream: OrderStream,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Place an order',
    description:
      "Saved as PLACED with one fulfilment group per pickup store or delivery; inventory then reserves every line (pickup: RESERVED or AWAITING_TRANSFER; delivery: RESERVED at the locations that ship it, split when no single one has everything) or rejects the order (REJECTED). A POS token places for its own store (endless aisle), with the payment it took as capturedTenders. Every unitPrice must be the price list's price in force for the sale (PUT /price-list/{sku}; a POS's own store price for a POS); only a caller with prices:override may state another, and order.placed records it as priceOverride.",
  })
  @ApiBody({ type: PlaceOrderDto })
  @ApiPlacementOutcome(OrderView)
  @AdmittedPlacement()
  @KeyTakenWithEffects()
  @OrderProblems(
    400,
    [['PREORDER.STORE_CAP_REACHED', 'PREORDER.CUSTOMER_CAP_REACHED'], 'A preorder cap is reached'],
    [
      [
        'PRICE.MISMATCH',
        'PRICE.NOT_LISTED',
        'ORDER.TENDER_MISMATCH',
        'ORDER.PICKUP_STORE_REPEATED',
        'PREORDER.NOT_A_PREORDER',
        'PREORDER.WINDOW_CLOSED',
        'PREORDER.NEEDS_CUSTOMER',
      ],
      "A unitPrice that is not the price list's price in force, or a SKU the list does not price, from a caller without prices:override (PRICE.MISMATCH, PRICE.NOT_LISTED); captured tenders that do not add up to the total (ORDER.TENDER_MISMATCH); two pickup groups at one store (ORDER.PICKUP_STORE_REPEATED); a preorder refused (PREORDER.NOT_A_PREORDER, PREORDER.WINDOW_CLOSED, PREORDER.NEEDS_CUSTOMER)",
    ],
  )
  @RequireScopes('orders:place')
  async place(
    @Body() body: PlaceOrderDto,
    @Caller() caller: Principal,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertChannel(caller, body.channel);
    if (caller.customerId !== null && body.customerId !== undefined && body.customerId !== null && body.customerId !== caller.customerId)
      throw forbidden('the token places orders for its own customer only');
    // Not waiting for inventory, the answer is the order as placed: kept with the Idempotency-Key as the order is written.
    if (preferredWait(prefer, MAX_PLACEMENT_WAIT_S) === null) answerWithEffects(HttpStatus.CREATED, (placed: Order) => orderView(placed));
    const result = await this.placeOrder.execute({
      channel: body.channel,
      // A POS places for its own store (its token says which): the store gets the credit.
      placedAtStoreId: body.channel === 'pos' ? caller.storeId : null,
      customerId: caller.customerId ?? body.customerId ?? null,
      contact: contactOf(body.contact),
      currency: body.currency,
      fulfilments: fulfilmentsOf(body),
      capturedTenders: body.capturedTenders ?? [],
      priceOverrideBy: priceOverrider(caller),
    });
    if (!result.ok) throw orderProblem(result.code, result.detail);
    return orderView(await this.outcome.answer(result.order, prefer, res));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An order, its lines, promise, cancellation and payments' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiResponse({ status: 200, description: 'The order', type: OrderView })
  @OrderProblems(['REQUEST.INVALID', 'id is not a UUID'], ['ORDER.NOT_FOUND', 'No such order'])
  @RequireScopes('orders:read')
  async get(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    await assertOwnOrder(this.queries, caller, id);
    const order = await this.queries.order(id);
    if (!order) throw orderProblem('ORDER.NOT_FOUND', `no order ${id}`);
    const cart = orderCartView(await this.queries.cartOf(id));
    return { ...orderView(order, await this.queries.payments(id)), cart };
  }

  @Get(':id/events')
  @ApiOperation({
    summary: 'The order as it changes, as server-sent events',
    description:
      "text/event-stream: an `order` event with the order (the body of GET /orders/{id}, without payments and cart) now, then one at each change of its state, until the order is final (COLLECTED, EXPIRED, CANCELLED, REJECTED, DELIVERED, DELIVERY_FAILED, COMPLETED, CLOSED) or the caller closes it. A storefront is told without polling. Each event's id is the time of the change; a comment line every 15 s keeps proxies from closing an idle stream.",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'The stream: `event: order`, `data:` the order as JSON',
    content: {
      'text/event-stream': { schema: { type: 'string', example: 'event: order\nid: 2026-12-03T17:36:08.123Z\ndata: {"id":"…","status":"RESERVED",…}\n\n' } },
    },
  })
  @OrderProblems(['REQUEST.INVALID', 'id is not a UUID'], ['ORDER.NOT_FOUND', 'No such order'])
  @RequireScopes('orders:read')
  async events(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal, @Req() req: Request, @Res() res: Response) {
    await assertOwnOrder(this.queries, caller, id);
    const order = await this.queries.order(id);
    if (!order) throw orderProblem('ORDER.NOT_FOUND', `no order ${id}`);
    await this.orderStream.stream(order, req, res);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel an order as its customer', description: 'Releases the stock and requests a refund of what was captured.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'order id' })
  @ApiBody({ type: CustomerCancelDto })
  @ApiResponse({ status: 200, description: 'The order, CANCELLED', type: OrderView })
  @OrderProblems(400, ['ORDER.NOT_FOUND', 'No such order'], ['ORDER.INVALID_TRANSITION', 'The order can no longer be cancelled'])
  @RequireScopes('orders:cancel')
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CustomerCancelDto, @Caller() caller: Principal) {
    await assertOwnOrder(this.queries, caller, id);
    return answer(this.queries, await this.act.cancel(id, { kind: 'customer' }, body.reason ?? 'CUSTOMER.REQUEST'));
  }
}
