import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { REFUND_METHODS, RefundMethod, RETURN_CHANNELS, RETURN_CONDITIONS, ReturnChannel, ReturnCondition, TENDERS } from '@omni/contracts';
import {
  AddressDto,
  PricedLineDto,
  priceOverrider,
  assertCustomer,
  assertId,
  Caller,
  Principal,
  RequireScopes,
  StoreScoped,
  NestedArray,
  NestedObject,
  Optional,
  ID_PATTERN,
  Reference,
  uuidParam,
} from '@omni/platform';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { OpenReturnUseCase } from '../application/open-return.use-case';
import { ReturnView } from './returns.api';
import { policyProblem, returnsProblem, ReturnsProblems } from './returns-problems';
import { returnView } from './views';
import { ReturnsQueries } from '../application/returns.queries';

export class ReturnLineDto {
  @ApiProperty({ format: 'uuid', description: 'order line', example: '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f' })
  @IsUUID()
  lineId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000, example: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  quantity: number;

  @ApiProperty({ enum: RETURN_CONDITIONS, description: 'condition the store finds the unit in; decides its disposition' })
  @IsIn(RETURN_CONDITIONS)
  condition: ReturnCondition;
}

/** A replacement, from this store's stock at the store's price. */
export class ReplacementDto extends PricedLineDto {}

export class ChargedDto {
  @ApiProperty({ enum: TENDERS })
  @IsIn(TENDERS)
  tender: (typeof TENDERS)[number];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000_000, example: 500 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @Reference('POS or payment terminal reference', 'POS-0001')
  reference: string;
}

export class OpenReturnDto {
  @Reference("the POS's id for this return; a retry with the same id answers the first return and refunds nothing twice", 'pos-1-000123')
  requestId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the order; or give authorisationCode' })
  @Optional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ pattern: '^[0-9A-Z]{8}$', description: 'code of a return started online', example: 'K7Q2M9XD' })
  @Optional()
  @IsString()
  @Matches(/^[0-9A-Z]{8}$/, { message: 'authorisationCode must be 8 capital letters or digits' })
  authorisationCode?: string;

  @ApiPropertyOptional({
    enum: ['receipt', 'none'],
    default: 'receipt',
    description: 'none: the order was found by e-mail, phone or loyalty id without the receipt (receipt-less rules apply)',
  })
  @Optional()
  @IsIn(['receipt', 'none'])
  proofOfPurchase?: 'receipt' | 'none';

  @ApiProperty({ type: () => ReturnLineDto, isArray: true, minItems: 1, maxItems: 100 })
  @NestedArray(() => ReturnLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: ReturnLineDto[];

  @ApiPropertyOptional({
    type: () => ReplacementDto,
    isArray: true,
    maxItems: 100,
    description: "an exchange: what the customer takes instead, from this store's stock",
  })
  @Optional()
  @NestedArray(() => ReplacementDto)
  @ArrayMaxSize(100)
  replacements?: ReplacementDto[];

  @ApiPropertyOptional({ enum: REFUND_METHODS, description: 'how a refund is paid: to the tenders of the order, or as store credit' })
  @Optional()
  @IsIn(REFUND_METHODS)
  refundMethod?: RefundMethod;

  @ApiPropertyOptional({ type: () => ChargedDto, description: 'an uneven exchange costing more: the difference, taken at the POS' })
  @Optional()
  @NestedObject(() => ChargedDto)
  charged?: ChargedDto;

  @ApiPropertyOptional({
    type: () => AddressDto,
    description:
      'an exchange: if this store has no replacement unit, ship the replacements to this address (a new delivery order placed at this store, paid by the return) instead of failing',
  })
  @Optional()
  @NestedObject(() => AddressDto)
  shipReplacementTo?: AddressDto;

  @ApiPropertyOptional({
    enum: RETURN_CHANNELS,
    default: 'store',
    description: 'mail: a parcel received at a returns centre (this location, e.g. a warehouse); needs authorisationCode',
  })
  @Optional()
  @IsIn(RETURN_CHANNELS)
  channel?: ReturnChannel;
}

@ApiTags('returns')
@Controller()
export class ReturnsHttpController {
  constructor(
    private readonly openReturn: OpenReturnUseCase,
    private readonly queries: ReturnsQueries,
  ) {}

  @Post('stores/:storeId/returns')
  @RequireScopes('store:operate')
  @StoreScoped('storeId')
  @ApiOperation({
    summary: 'Return or exchange units of an order at this store, or receive a mailed return at a returns centre',
    description:
      "Any store takes back an order of any channel; a returns centre (a warehouse location, its own token) or a store inspects a parcel it has scanned in (POST /stores/{storeId}/parcels/{trackingNumber}/receipt) with channel mail and the authorisation code. The policy in force decides each line and names its rule. A return completes at once (refund to the original tenders or as store credit); an exchange waits for the replacement from this store's stock (AWAITING_REPLACEMENT, then COMPLETED or REPLACEMENT_UNAVAILABLE) or, with shipReplacementTo and no unit here, for the order service to place a delivery order (AWAITING_SHIPMENT, then COMPLETED with replacementOrderId). A retry with the same requestId answers the first return (200).",
  })
  @ApiParam({ name: 'storeId', description: 'the receiving store', schema: { type: 'string', pattern: ID_PATTERN, example: 'PARIS' } })
  @ApiBody({ type: OpenReturnDto })
  @ApiResponse({ status: 201, description: 'The return, COMPLETED or AWAITING_REPLACEMENT', type: ReturnView })
  @ApiResponse({ status: 200, description: 'The return made earlier with this requestId', type: ReturnView })
  @ReturnsProblems(
    400,
    [['ORDER.NOT_FOUND', 'AUTHORISATION.NOT_FOUND'], 'No such order or authorisation'],
    [
      ['AUTHORISATION.USED', 'RETURN.REQUEST_ID_REUSED', 'RETURN.PARCEL_NOT_RECEIVED', 'RETURN.PARCEL_RECEIVED_ELSEWHERE'],
      'Authorisation used, requestId used for another order (AUTHORISATION.USED, RETURN.REQUEST_ID_REUSED); a parcel sent by mail not yet scanned in here, or scanned in at another location (RETURN.PARCEL_NOT_RECEIVED, RETURN.PARCEL_RECEIVED_ELSEWHERE)',
    ],
    [
      [
        'RETURN.REFUSED_BY_POLICY',
        'EXCHANGE.PAYMENT_REQUIRED',
        'EXCHANGE.PAYMENT_AMOUNT_MISMATCH',
        'EXCHANGE.PAYMENT_NOT_EXPECTED',
        'REFUND.METHOD_REQUIRED',
        'REFUND.NO_ACCOUNT',
        'RETURN.MAIL_NEEDS_AUTHORISATION',
        'EXCHANGE.NOTHING_TO_SHIP',
        'PRICE.MISMATCH',
        'PRICE.NOT_LISTED',
      ],
      "Refused by the policy, naming each rule (RETURN.REFUSED_BY_POLICY); a dearer exchange without a payment (EXCHANGE.PAYMENT_REQUIRED) or with another amount than the difference (EXCHANGE.PAYMENT_AMOUNT_MISMATCH); a payment where nothing is owed (EXCHANGE.PAYMENT_NOT_EXPECTED); a refund method missing (REFUND.*); an unknown line; a mail return without authorisation (RETURN.MAIL_NEEDS_AUTHORISATION); an address without replacements (EXCHANGE.NOTHING_TO_SHIP); a replacement unitPrice that is not the price list's price in force at this store's till, or a replacement SKU the list does not price, from a caller without prices:override (PRICE.MISMATCH, PRICE.NOT_LISTED)",
    ],
  )
  async open(@Param('storeId') storeId: string, @Body() body: OpenReturnDto, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    assertId('storeId', storeId);
    const r = await this.openReturn.execute({
      storeId,
      associateId: caller.associateId,
      requestId: body.requestId,
      orderId: body.orderId ?? null,
      authorisationCode: body.authorisationCode ?? null,
      withReceipt: (body.proofOfPurchase ?? 'receipt') === 'receipt',
      lines: body.lines,
      replacements: body.replacements ?? [],
      refundMethod: body.refundMethod ?? null,
      charged: body.charged ?? null,
      channel: body.channel ?? 'store',
      shipTo: body.shipReplacementTo ? { ...body.shipReplacementTo, line2: body.shipReplacementTo.line2 ?? null } : null,
      priceOverrideBy: priceOverrider(caller),
    });
    if (!r.ok) {
      if (r.code === 'RETURN.REFUSED_BY_POLICY')
        throw policyProblem(
          r.detail!,
          r.refusals!,
          body.lines.map((l) => l.lineId),
        );
      throw returnsProblem(r.code, r.detail);
    }
    res.status(r.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return returnView(r.return, await this.queries.refundsOf(r.return.id));
  }

  @Get('returns/:id')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'A return or exchange, its lines with the rule that allowed each, its refunds' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'return id' })
  @ApiResponse({ status: 200, description: 'The return', type: ReturnView })
  @ReturnsProblems(['REQUEST.INVALID', 'id is not a UUID'], ['RETURN.NOT_FOUND', 'No such return'])
  async get(@Param('id', uuidParam('id')) id: string, @Caller() caller: Principal) {
    const found = await this.queries.returnWithRefunds(id);
    // A customer token sees its own returns only; another's and a missing one are the same 403.
    assertCustomer(caller, found ? found.ret.customerId : undefined);
    if (!found) throw returnsProblem('RETURN.NOT_FOUND', `no return ${id}`);
    return returnView(found.ret, found.refunds);
  }
}
