import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Caller, forbidden, NestedArray, Principal, RequireScopes, StoreScoped, uuidParam } from '@omni/platform';
import { IDENTITY_DOCUMENTS, IdentityDocument } from '@omni/contracts';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActOnOrderUseCase } from '../application/act-on-order.use-case';
import { remainingQuantity } from '../domain/order';
import { OrderView, PickListView } from './order.api';
import { answer } from './orders.http';
import { OrderQueries } from '../application/order.queries';
import { OrderProblems } from './order-problems';

export class PickedLineDto {
  @ApiProperty({ format: 'uuid', description: 'line of the order' })
  @IsUUID()
  lineId: string;

  /** Units found for the line in total; fewer than the line owes is a short pick. */
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 10000,
    example: 2,
    description: 'units found for the line in total; fewer than the line owes is a short pick',
  })
  @IsInt()
  @Min(0)
  @Max(10000)
  pickedQuantity: number;
}

export class RecordPicksDto {
  @ApiProperty({ type: () => PickedLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @NestedArray(() => PickedLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: PickedLineDto[];
}

export class CollectDto {
  @ApiProperty({ description: 'the 8-character code the customer received', example: 'K7QX2M9P', pattern: '^[0-9A-Za-z -]{6,16}$' })
  @IsString()
  @Matches(/^[0-9A-Za-z -]{6,16}$/, { message: 'pickupCode must be the 8-character code the customer received' })
  pickupCode: string;
}

export class ShipDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'Colissimo' })
  @IsString()
  @Length(1, 64)
  carrier: string;

  @ApiProperty({ minLength: 1, maxLength: 64, example: '6A12345678901', pattern: '^[A-Za-z0-9-]{1,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'trackingNumber must be 1-64 letters, digits or dashes' })
  trackingNumber: string;
}

export class StoreCancelDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'damaged in store' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason: string;
}

export class IdentityCollectDto {
  @ApiProperty({ enum: IDENTITY_DOCUMENTS, example: 'national-id', description: 'the identity document the customer showed' })
  @IsIn([...IDENTITY_DOCUMENTS])
  document: IdentityDocument;

  @ApiProperty({ pattern: '^[A-Z0-9]{4}$', example: '7A21', description: 'the last four characters of its number, as read (kept in order.collected)' })
  @IsString()
  @Matches(/^[A-Z0-9]{4}$/, { message: 'documentNumberEnd must be the last 4 characters of the document number (A-Z, 0-9)' })
  documentNumberEnd: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'Ada Martin',
    description: "the name on the document: it must be the order's contact name (case, accents and word order aside); not kept",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameOnDocument: string;
}

export class UnlockPickupDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'ID card checked at the counter',
    description: 'what the supervisor checked before lifting the lock; kept in order.pickup-unlocked',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
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
    private readonly queries: OrderQueries,
  ) {}

  @Get('pick-list')
  @ApiOperation({ summary: 'What the location has to pick: its pickups and deliveries with units still owed' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiResponse({ status: 200, description: 'The pick list', type: PickListView })
  async pickList(@Param('storeId') storeId: string) {
    const orders = await this.queries.pickList(storeId);
    return {
      storeId,
      orders: orders.map((o) => ({
        orderId: o.orderId,
        fulfilmentId: o.id,
        type: o.type,
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
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiResponse({ status: 200, description: 'The order, PICKING', type: OrderView })
  @OrderProblems(
    ['REQUEST.INVALID', 'id is not a UUID'],
    ['ORDER.WRONG_STORE', 'The order belongs to another store'],
    ['ORDER.NOT_FOUND', 'No such order'],
    ['ORDER.INVALID_TRANSITION', 'Not in a state to pick'],
  )
  async startPicking(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string) {
    return answer(this.queries, await this.act.startPicking(id, { kind: 'store', storeId }));
  }

  @Post('orders/:id/picks')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the units found per line',
    description:
      'Pickup — all found: READY_FOR_PICKUP with a pickup code sent to the customer; fewer: a short pick, re-sourced or cancelled and refunded. Delivery — all found: PACKED, ready to ship; fewer: a short pick, re-sourced by transfer to the shipping location or cancelled and refunded.',
  })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: RecordPicksDto })
  @ApiResponse({ status: 200, description: 'The order after the picks', type: OrderView })
  @OrderProblems(
    400,
    ['ORDER.WRONG_STORE', 'The order belongs to another store'],
    ['ORDER.NOT_FOUND', 'No such order'],
    ['ORDER.INVALID_TRANSITION', 'Not being picked'],
    [['PICK.UNKNOWN_LINE', 'PICK.QUANTITY_EXCEEDED'], 'A line is not in the order (PICK.UNKNOWN_LINE), or more units than it owes (PICK.QUANTITY_EXCEEDED)'],
  )
  async picks(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: RecordPicksDto) {
    return answer(this.queries, await this.act.recordPicks(id, { kind: 'store', storeId }, body.lines));
  }

  @Post('orders/:id/collect')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hand the order over at the POS against its pickup code', description: 'Five wrong codes lock the pickup.' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: CollectDto })
  @ApiResponse({ status: 200, description: 'The order, COLLECTED', type: OrderView })
  @OrderProblems(
    400,
    ['ORDER.WRONG_STORE', 'The order belongs to another store'],
    ['ORDER.NOT_FOUND', 'No such order'],
    [['ORDER.INVALID_TRANSITION', 'PICKUP.LOCKED'], 'Not ready for pickup (ORDER.INVALID_TRANSITION) or locked after wrong codes (PICKUP.LOCKED)'],
    ['PICKUP.CODE_INVALID', 'Wrong pickup code'],
  )
  async collect(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: CollectDto) {
    return answer(this.queries, await this.act.collect(id, { kind: 'store', storeId }, body.pickupCode));
  }

  @Post('orders/:id/collect-with-identity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand the order over at the POS against an identity document, without the code',
    description:
      "For a customer without the pickup code (lost, never received, or the pickup locked after wrong codes): the associate checks an identity document whose name is the order's contact name. The token must name its associate (associate_id); the document kind, the last four characters of its number and the associate are published in order.collected (identityCheck).",
  })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: IdentityCollectDto })
  @ApiResponse({ status: 200, description: 'The order, COLLECTED', type: OrderView })
  @OrderProblems(
    400,
    [['AUTH.FORBIDDEN', 'ORDER.WRONG_STORE'], 'The token names no associate (AUTH.FORBIDDEN) or the order belongs to another store (ORDER.WRONG_STORE)'],
    ['ORDER.NOT_FOUND', 'No such order'],
    ['ORDER.INVALID_TRANSITION', 'Not ready for pickup'],
    [
      ['PICKUP.IDENTITY_UNVERIFIABLE', 'PICKUP.IDENTITY_MISMATCH'],
      'The order has no contact name to check against (PICKUP.IDENTITY_UNVERIFIABLE) or the name differs (PICKUP.IDENTITY_MISMATCH)',
    ],
  )
  async collectWithIdentity(
    @Param('storeId') storeId: string,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: IdentityCollectDto,
    @Caller() caller: Principal,
  ) {
    if (!caller.associateId) throw forbidden('an identity check is recorded with the associate who made it: the token needs associate_id');
    return answer(
      this.queries,
      await this.act.collectWithIdentity(
        id,
        { kind: 'store', storeId },
        { document: body.document, documentNumberEnd: body.documentNumberEnd, nameOnDocument: body.nameOnDocument, associateId: caller.associateId },
      ),
    );
  }

  @Post('orders/:id/pickup-unlock')
  @HttpCode(HttpStatus.OK)
  // A POS associate alone cannot lift the lock it ran into: it takes a supervisor's token.
  @RequireScopes('store:operate', 'store:supervise')
  @ApiOperation({
    summary: 'Lift the lock of a pickup after wrong codes, as a store supervisor',
    description:
      "For a pickup locked after five wrong codes (PICKUP.LOCKED), once a supervisor has checked the customer at the counter. The wrong codes are forgotten and the customer gives the right code again to collect; the supervisor (the token's associate_id, else its sub) and the reason are published in order.pickup-unlocked.",
  })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: UnlockPickupDto })
  @ApiResponse({ status: 200, description: 'The order, its pickup no longer locked', type: OrderView })
  @OrderProblems(
    400,
    [['AUTH.FORBIDDEN', 'ORDER.WRONG_STORE'], 'The token lacks store:supervise (AUTH.FORBIDDEN) or the order belongs to another store (ORDER.WRONG_STORE)'],
    ['ORDER.NOT_FOUND', 'No such order'],
    [['ORDER.INVALID_TRANSITION', 'PICKUP.NOT_LOCKED'], 'Not ready for pickup (ORDER.INVALID_TRANSITION) or not locked (PICKUP.NOT_LOCKED)'],
  )
  async unlockPickup(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: UnlockPickupDto, @Caller() caller: Principal) {
    return answer(this.queries, await this.act.unlockPickup(id, { kind: 'store', storeId }, caller.associateId ?? caller.sub, body.reason));
  }

  @Post('orders/:id/ship')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand a packed delivery to the carrier',
    description: 'Records carrier and tracking number; the units leave the location, the payment is captured (unless paid at a POS) and the customer is told.',
  })
  @ApiParam({ name: 'storeId', description: 'the location acting (store or warehouse)', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: ShipDto })
  @ApiResponse({ status: 200, description: 'The order, its group SHIPPED', type: OrderView })
  @OrderProblems(
    400,
    ['ORDER.WRONG_STORE', 'The group belongs to another location'],
    ['ORDER.NOT_FOUND', 'No such order or fulfilment'],
    [
      ['ORDER.INVALID_TRANSITION', 'FULFILMENT.NOT_A_DELIVERY', 'FULFILMENT.AMBIGUOUS'],
      'Not packed (ORDER.INVALID_TRANSITION), not a delivery (FULFILMENT.NOT_A_DELIVERY) or several groups here (FULFILMENT.AMBIGUOUS)',
    ],
  )
  async ship(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: ShipDto) {
    return answer(this.queries, await this.act.ship(id, { kind: 'store', storeId }, body.carrier, body.trackingNumber));
  }

  @Post('orders/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel an order as the store', description: 'Releases the stock and requests a refund of what was captured.' })
  @ApiParam({ name: 'storeId', description: 'the store acting', example: 'PARIS' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id (or order id when the order has one group here)' })
  @ApiBody({ type: StoreCancelDto })
  @ApiResponse({ status: 200, description: 'The order, CANCELLED', type: OrderView })
  @OrderProblems(
    400,
    ['ORDER.WRONG_STORE', 'The order belongs to another store'],
    ['ORDER.NOT_FOUND', 'No such order'],
    ['ORDER.INVALID_TRANSITION', 'The order can no longer be cancelled'],
  )
  async cancel(@Param('storeId') storeId: string, @Param('id', uuidParam('id')) id: string, @Body() body: StoreCancelDto) {
    return answer(this.queries, await this.act.cancel(id, { kind: 'store', storeId }, body.reason));
  }
}
