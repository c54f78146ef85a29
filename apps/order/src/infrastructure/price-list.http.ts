import { Body, Controller, Get, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  idRuleMessage,
  invalidInput,
  Principal,
  ProblemException,
  RequireScopes,
  NestedArray,
  Optional,
  ID_REGEX,
  ID_PATTERN,
} from '@omni/platform';
import { ArrayMaxSize, IsDateString, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { checkSku, SKU_PATTERN } from './sku-param';
import { PriceEntry, priceEntryPayload } from '@omni/contracts';
import { OrderQueries } from '../application/order.queries';
import { PriceListUseCase } from '../application/price-list.use-case';
import { Channel, CHANNELS } from '@omni/contracts';
import { OrderProblems } from './order-problems';

export class PriceEntryDto {
  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000_000, example: 3900, description: 'price of one unit, minor units' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  unitPrice: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: ID_PATTERN,
    example: 'PARIS',
    description: "a store's own price; absent or null: the price everywhere the store has none of its own",
  })
  @Optional()
  @IsString()
  @Matches(ID_REGEX, { message: idRuleMessage('storeId') })
  storeId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: CHANNELS,
    example: 'app',
    description:
      "a channel's own price (the app's, a marketplace's); absent or null: in every channel. The most specific price in force wins: the store's own in the channel, the store's own, the channel's own, the general one",
  })
  @Optional()
  @IsIn(CHANNELS)
  channel?: Channel | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description:
      'in force from; absent or null: from the start. Among prices of one currency and store in force, the one that started last wins (a sale lays over a standing price)',
  })
  @Optional()
  @IsDateString({ strict: true }, { message: 'validFrom must be an ISO 8601 date-time' })
  validFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2026-12-08T00:00:00Z',
    description: 'in force until (excluded); absent or null: until replaced',
  })
  @Optional()
  @IsDateString({ strict: true }, { message: 'validUntil must be an ISO 8601 date-time' })
  validUntil?: string | null;
}

export class PriceListDto {
  @ApiProperty({
    type: () => PriceEntryDto,
    isArray: true,
    maxItems: 200,
    description: 'every price of the SKU (replaces them all; empty: the SKU leaves the price list)',
  })
  @NestedArray(() => PriceEntryDto)
  @ArrayMaxSize(200)
  prices: PriceEntryDto[];
}

export class PriceEntryView {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: 'integer' }) unitPrice: number;
  @ApiProperty({ type: String, nullable: true }) storeId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: CHANNELS }) channel: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'null: from the start' }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) validUntil: string | null;
}

export class PriceListView {
  @ApiProperty() sku: string;
  @ApiProperty({ type: () => PriceEntryView, isArray: true }) prices: PriceEntryView[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: "when the SKU's prices were last replaced" }) updatedAt: string | null;
}

export class PriceInForceQuery {
  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN, example: 'PARIS', description: "the store the sale is made at; a store token's own store when left out" })
  @Optional()
  @IsString()
  @Matches(ID_REGEX, { message: idRuleMessage('storeId') })
  storeId?: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: "the channel of the sale; the token's channel when left out, else web" })
  @Optional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class PriceInForceView {
  @ApiProperty() sku: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: String, nullable: true, description: 'the store the price is for (null: no store)' }) storeId: string | null;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ type: 'integer', description: 'the unit price in force, minor units: the one a placement there and then is priced at' }) unitPrice: number;
  @ApiProperty({ format: 'date-time', description: 'when it was read' }) at: string;
}

const view = (sku: string, entries: readonly PriceEntry[], updatedAt: Date | null): PriceListView => ({
  sku,
  prices: entries.map(priceEntryPayload),
  updatedAt: updatedAt?.toISOString() ?? null,
});

/**
 * The price list carts are priced from when they move between channels and at checkout
 * (docs/carts.md, ADR 0013). A product information or pricing system replaces a SKU's prices.
 */
@ApiTags('prices')
@Controller('price-list')
export class PriceListHttpController {
  constructor(
    private readonly priceList: PriceListUseCase,
    private readonly queries: OrderQueries,
  ) {}

  @Put(':sku')
  @RequireScopes('prices:manage')
  @ApiOperation({
    summary: 'Replace the prices of a SKU',
    description:
      'Per currency: a general price and store prices, each from a date and possibly until one. Open carts take the new prices when they next move or check out; orders already placed keep theirs.',
  })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU_PATTERN } })
  @ApiBody({ type: PriceListDto })
  @ApiOkResponse({ type: PriceListView })
  @ApiProblems(400)
  async put(@Param('sku') sku: string, @Body() body: PriceListDto): Promise<PriceListView> {
    checkSku(sku);
    const entries: PriceEntry[] = body.prices.map((p) => ({
      currency: p.currency,
      unitPrice: p.unitPrice,
      storeId: p.storeId ?? null,
      channel: p.channel ?? null,
      validFrom: p.validFrom ? new Date(p.validFrom) : null,
      validUntil: p.validUntil ? new Date(p.validUntil) : null,
    }));
    const replaced = await this.priceList.replace(sku, entries);
    if (!replaced.ok) throw invalidInput(replaced.problems.map((p) => ({ field: `prices.${p.index}.${p.field}`, rule: p.rule, message: p.message })));
    return view(sku, entries, entries.length > 0 ? replaced.updatedAt : null);
  }

  @Get(':sku/price')
  @RequireScopes('orders:read')
  @ApiOperation({
    summary: 'The unit price of a SKU in force for a sale',
    description:
      "The most specific price in force now for the currency, store and channel — the store's own in that channel, the store's own, the channel's own, else the general one — as every placement (direct, cart, POS, replacement) is priced. What a till shows before it sells or exchanges.",
  })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU_PATTERN } })
  @ApiOkResponse({ type: PriceInForceView })
  @OrderProblems(['REQUEST.INVALID', 'sku, currency, storeId or channel breaks its rule'])
  // Here PRICE.NOT_LISTED is a 404, not the 422 of a placement (ORDER_REFUSAL_STATUS): its status is given by hand.
  @ApiProblems([404, 'No price of the SKU in the currency is in force there (PRICE.NOT_LISTED)'])
  async priceInForce(@Param('sku') sku: string, @Query() q: PriceInForceQuery, @Caller() caller: Principal): Promise<PriceInForceView> {
    checkSku(sku);
    const storeId = q.storeId ?? caller.storeId ?? null;
    const channel = q.channel ?? caller.channel ?? 'web';
    const { unitPrice, at } = await this.queries.priceInForce(sku, { currency: q.currency, storeId, channel });
    if (unitPrice === null)
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'PRICE.NOT_LISTED',
        `no ${q.currency} price of ${sku} is in force${storeId ? ` at ${storeId}` : ''} in ${channel}`,
      );
    return { sku, currency: q.currency, storeId, channel, unitPrice, at: at.toISOString() };
  }

  @Get(':sku')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'The prices of a SKU' })
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU_PATTERN } })
  @ApiOkResponse({ type: PriceListView })
  @OrderProblems(['REQUEST.INVALID', 'sku breaks its rule'])
  // PRICE_LIST.NOT_FOUND is answered here only, outside the refusal map: its status is given by hand.
  @ApiProblems([404, 'The price list has no price for the SKU (PRICE_LIST.NOT_FOUND)'])
  async get(@Param('sku') sku: string): Promise<PriceListView> {
    checkSku(sku);
    const found = await this.queries.prices(sku);
    if (found.entries.length === 0) throw new ProblemException(HttpStatus.NOT_FOUND, 'PRICE_LIST.NOT_FOUND', `the price list has no price for ${sku}`);
    return view(sku, found.entries, found.updatedAt);
  }
}
