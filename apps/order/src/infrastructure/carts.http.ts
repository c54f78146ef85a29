import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Channel, CHANNELS } from '@omni/contracts';
import {
  AddressDto,
  assertChannel,
  assertCustomer,
  Caller,
  forbidden,
  priceOverrider,
  Principal,
  RequireScopes,
  StoreScoped,
  NestedArray,
  NestedObject,
  Optional,
  ID_REGEX,
  ID_PATTERN,
  idRuleMessage,
  invalidField,
  uuidParam,
} from '@omni/platform';
import { ArrayMaxSize, IsIn, IsString, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { Actor, CartResult, CartsUseCase } from '../application/carts.use-case';
import { cartProblem } from './cart-problems';
import { CartLinesView, CartView, ContinuedCartView, HandoffView } from './cart.api';
import { cartView, continuedView } from './cart.view';
import { OrderView } from './order.api';
import { orderProblem, OrderProblems } from './order-problems';
import { orderView } from './order.view';
import { CapturedTenderDto, ContactDto, OrderLineDto } from './orders.http';
import { AdmittedPlacement } from './placement-admission';
import { ApiPlacementOutcome, PlacementOutcome } from './placement-outcome';

export class CartLinesDto {
  @ApiProperty({
    type: () => OrderLineDto,
    isArray: true,
    maxItems: 100,
    description: 'every line of the cart (replaces them all); unitPrice is the price now',
  })
  @NestedArray(() => OrderLineDto)
  @ArrayMaxSize(100)
  lines: OrderLineDto[];
}

export class CreateCartDto extends CartLinesDto {
  @ApiProperty({ enum: CHANNELS, example: 'app', description: "channel the cart is started in (a POS cart starts at the token's store)" })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;
}

export class ContinueCartDto {
  @ApiProperty({ enum: CHANNELS, example: 'web', description: 'channel the cart is continued in' })
  @IsIn(CHANNELS)
  channel: Channel;
}

export class ClaimCartDto {
  @ApiProperty({ example: '7K2M9QXD', description: 'the handoff code the customer reads out (case, spaces, dashes and O/I/L look-alikes do not matter)' })
  @IsString()
  @Length(8, 16, { message: 'code must be the 8-character handoff code' })
  code: string;
}

export class CheckoutCartDto {
  @ApiProperty({ enum: CHANNELS, example: 'pos', description: 'channel the cart is checked out in (where it finished)' })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({ description: "pickup store for all lines; defaults to the POS's own store", example: 'PARIS', pattern: ID_PATTERN })
  @Optional()
  @IsString()
  @Matches(ID_REGEX, { message: idRuleMessage('storeId') })
  storeId?: string;

  @ApiPropertyOptional({ type: () => AddressDto, description: 'deliver all lines to this address instead of a pickup' })
  @Optional()
  @NestedObject(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ type: () => ContactDto })
  @Optional()
  @NestedObject(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: () => CapturedTenderDto, isArray: true, maxItems: 5, description: 'payment taken at the POS: must add up to the cart total' })
  @Optional()
  @NestedArray(() => CapturedTenderDto)
  @ArrayMaxSize(5)
  capturedTenders?: CapturedTenderDto[];
}

/** Who acts and where: a token with a channel speaks for it only; a POS acts at its own store. */
export function actor(caller: Principal, channel: Channel): Actor {
  assertChannel(caller, channel);
  if (channel === 'pos' && caller.storeId === null) throw forbidden('a POS cart needs a token with store_id');
  return { accountId: caller.customerId, where: { channel, storeId: channel === 'pos' ? caller.storeId : null } };
}

export function unwrap<T>(r: CartResult<T>): T {
  if (!r.ok) throw cartProblem(r.code, r.detail);
  return r.value;
}

@ApiTags('carts')
@Controller()
export class CartsHttpController {
  constructor(
    private readonly carts: CartsUseCase,
    private readonly outcome: PlacementOutcome,
  ) {}

  @Post('carts')
  @ApiOperation({
    summary: "Start a cart, or continue the signed-in customer's open cart",
    description:
      'A customer token with an open cart gets that cart back (200), continued in this channel and re-checked; otherwise a new cart (201). A guest cart has no owner and is reached by its id.',
  })
  @ApiBody({ type: CreateCartDto })
  @ApiResponse({ status: 201, description: 'A new cart', type: ContinuedCartView })
  @ApiResponse({ status: 200, description: "The customer's open cart, continued here, with what the re-check found", type: ContinuedCartView })
  @OrderProblems(400, ['AUTH.FORBIDDEN', 'The token speaks for another channel'])
  @RequireScopes('orders:place')
  async create(@Body() body: CreateCartDto, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const r = unwrap(await this.carts.create(actor(caller, body.channel), body.currency, body.lines));
    res.status(r.created ? HttpStatus.CREATED : HttpStatus.OK);
    return continuedView(r.cart, r.continuation);
  }

  @Get('carts/:id')
  @ApiOperation({ summary: 'A cart' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, type: CartView })
  @OrderProblems(['REQUEST.INVALID', 'id is not a UUID'], ['CART.NOT_FOUND', "No such cart, or another customer's"])
  @RequireScopes('orders:read')
  async get(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    return cartView(unwrap(await this.carts.get(id, { accountId: caller.customerId, where: { channel: caller.channel ?? 'web', storeId: null } })));
  }

  @Put('carts/:id/lines')
  @ApiOperation({
    summary: 'Replace the lines of an open cart',
    description: 'A SKU already in the cart keeps the price it was first added with as reference: the answer lists the lines whose price now differs.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: CartLinesDto })
  @ApiResponse({ status: 200, type: CartLinesView })
  @OrderProblems(400, ['CART.NOT_FOUND', 'No such cart'], ['CART.NOT_OPEN', 'The cart is not OPEN'])
  @RequireScopes('orders:place')
  async replaceLines(@Param('id', uuidParam('id')) id: string, @Body() body: CartLinesDto, @Caller() caller: Principal) {
    const r = unwrap(
      await this.carts.replaceLines(id, { accountId: caller.customerId, where: { channel: caller.channel ?? 'web', storeId: caller.storeId } }, body.lines),
    );
    return { cart: cartView(r.cart), priceChanges: r.priceChanges };
  }

  @Post('carts/:id/continue')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Continue a cart in another channel',
    description: 'Moves the cart to the channel (a POS: its store) and re-checks availability and prices.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: ContinueCartDto })
  @ApiResponse({ status: 200, type: ContinuedCartView })
  @OrderProblems(400, ['AUTH.FORBIDDEN', 'The token speaks for another channel'], ['CART.NOT_FOUND', 'No such cart'], ['CART.NOT_OPEN', 'The cart is not OPEN'])
  @RequireScopes('orders:place')
  async continue(@Param('id', uuidParam('id')) id: string, @Body() body: ContinueCartDto, @Caller() caller: Principal) {
    const r = unwrap(await this.carts.continue(id, actor(caller, body.channel)));
    return continuedView(r.cart, r.continuation);
  }

  @Post('carts/:id/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "On sign-in, merge a guest cart into the customer's cart",
    description:
      "Needs a customer token. The guest cart's lines join the customer's open cart (a SKU in both: quantities add up at the customer cart's price) and the guest cart becomes MERGED; a customer without an open cart takes the guest cart as theirs. The result is re-checked.",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the guest cart' })
  @ApiBody({ type: ContinueCartDto })
  @ApiResponse({ status: 200, description: "The customer's cart", type: ContinuedCartView })
  @OrderProblems(
    400,
    ['AUTH.FORBIDDEN', 'Not a customer token'],
    ['CART.NOT_FOUND', 'No such cart'],
    [['CART.NOT_A_GUEST_CART', 'CART.NOT_OPEN'], 'Not a guest cart, or not OPEN'],
    ['CART.CURRENCY_MISMATCH', 'Another currency'],
  )
  @RequireScopes('orders:place')
  async merge(@Param('id', uuidParam('id')) id: string, @Body() body: ContinueCartDto, @Caller() caller: Principal) {
    const a = actor(caller, body.channel);
    if (a.accountId === null) throw forbidden('merging a guest cart needs a signed-in customer token (customer_id)');
    const r = unwrap(await this.carts.mergeOnSignIn(id, { ...a, accountId: a.accountId }));
    return continuedView(r.cart, r.continuation);
  }

  @Post('carts/:id/handoff')
  @ApiOperation({
    summary: 'A handoff code to continue the cart with a store associate',
    description: `An 8-character code, valid ${15} minutes and once; only its hash is kept. A new code replaces the previous one.`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 201, type: HandoffView })
  @OrderProblems(['REQUEST.INVALID', 'id is not a UUID'], ['CART.NOT_FOUND', 'No such cart'], ['CART.NOT_OPEN', 'The cart is not OPEN'])
  @RequireScopes('orders:place')
  async handoff(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    const r = unwrap(await this.carts.handoff(id, { accountId: caller.customerId, where: { channel: caller.channel ?? 'web', storeId: null } }));
    return { code: r.code, expiresAt: r.expiresAt.toISOString() };
  }

  @Post('carts/:id/checkout')
  @ApiOperation({
    summary: 'Place the order from the cart',
    description:
      "All the cart's lines in one group: pickup at storeId (default: the POS's store) or delivery to address. The order records where the cart began (order.placed `cart`) and where it finished (its channel and placedAtStoreId); the cart becomes CHECKED_OUT in the same transaction. A POS must have claimed the cart first.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: CheckoutCartDto })
  @ApiPlacementOutcome(OrderView)
  @AdmittedPlacement()
  @OrderProblems(
    400,
    [['AUTH.FORBIDDEN', 'CART.NOT_YOURS'], 'Another channel, or a POS that has not claimed the cart'],
    ['CART.NOT_FOUND', 'No such cart'],
    [
      ['CART.NOT_OPEN', 'CART.PRICE_CHANGED'],
      'The cart is not OPEN, or the price list changed a price since the cart was read: the cart has the new prices, check out again with a new Idempotency-Key',
    ],
    [
      ['PRICE.NOT_LISTED', 'CART.EMPTY', 'ORDER.TENDER_MISMATCH'],
      'The cart is empty, or the placement refused: a SKU the price list does not price (PRICE.NOT_LISTED), tenders that do not add up (CART.EMPTY, PRICE.NOT_LISTED, ORDER.TENDER_MISMATCH)',
    ],
  )
  @RequireScopes('orders:place')
  async checkout(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CheckoutCartDto,
    @Caller() caller: Principal,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = actor(caller, body.channel);
    if (body.storeId !== undefined && body.address !== undefined)
      throw invalidField('address', 'exclusive', 'address: send storeId (pickup) or address (delivery), not both');
    const pickupAt = body.storeId ?? (body.address ? null : a.where.storeId);
    if (pickupAt === null && !body.address) throw invalidField('storeId', 'required', 'storeId: a pickup store or an address is needed outside a POS');
    const cart = unwrap(await this.carts.get(id, a));
    const lines = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));
    const c = body.contact;
    const placed = unwrap(
      await this.carts.checkout(id, a, {
        fulfilments: body.address
          ? [{ type: 'delivery', address: { ...body.address, line2: body.address.line2 ?? null }, lines }]
          : [{ type: 'pickup', storeId: pickupAt!, lines }],
        contact: c
          ? { email: c.email ?? null, phone: c.phone ?? null, loyaltyId: c.loyaltyId ?? null, name: c.name ?? null, postcode: c.postcode ?? null }
          : null,
        capturedTenders: body.capturedTenders ?? [],
        priceOverrideBy: priceOverrider(caller),
      }),
    );
    if (!placed.ok) throw orderProblem(placed.code, placed.detail);
    return {
      ...orderView(await this.outcome.answer(placed.order, prefer, res)),
      cart: {
        cartId: cart.id,
        startedChannel: cart.startedChannel,
        startedStoreId: cart.startedStoreId,
        startedAt: cart.createdAt.toISOString(),
        finishedChannel: a.where.channel,
        finishedStoreId: a.where.storeId,
      },
    };
  }

  @Get('customers/:accountId/cart')
  @ApiOperation({ summary: "The signed-in customer's open cart, the same on every channel" })
  @ApiParam({ name: 'accountId', description: 'customer account id (the customer_id of the token)' })
  @ApiResponse({ status: 200, type: CartView })
  @OrderProblems(['AUTH.FORBIDDEN', 'Another customer'], ['CART.NOT_FOUND', 'The customer has no open cart'])
  @RequireScopes('orders:read')
  async ofCustomer(@Param('accountId') accountId: string, @Caller() caller: Principal) {
    assertCustomer(caller, accountId);
    const cart = await this.carts.ofCustomer(accountId);
    if (!cart) throw cartProblem('CART.NOT_FOUND', `customer ${accountId} has no open cart`);
    return cartView(cart);
  }
}

@ApiTags('carts')
@Controller('stores/:storeId/carts')
@RequireScopes('store:operate')
@StoreScoped('storeId')
export class StoreCartsHttpController {
  constructor(private readonly carts: CartsUseCase) {}

  @Post('claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Claim a customer's cart with its handoff code and continue it at this store",
    description: 'The code works once. The answer lists what the re-check found (availability at this store, prices).',
  })
  @ApiParam({ name: 'storeId', description: "the POS's store" })
  @ApiBody({ type: ClaimCartDto })
  @ApiResponse({ status: 200, type: ContinuedCartView })
  @OrderProblems(400, ['AUTH.FORBIDDEN', 'Another store'], ['CART.HANDOFF_INVALID', 'No open cart has this code, or it expired'])
  async claim(@Param('storeId') storeId: string, @Body() body: ClaimCartDto) {
    const r = unwrap(await this.carts.claim(body.code, { channel: 'pos', storeId }));
    return continuedView(r.cart, r.continuation);
  }
}
