import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertId, Caller, forbidden, invalidField, Principal, RequireScopes, StoreScoped, ID_PATTERN } from '@omni/platform';
import { OrderQueries } from '../application/order.queries';
import { OrderProblems } from './order-problems';

export class CreditLineView {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: 'integer', description: 'orders (or groups) counted' }) count: number;
  @ApiProperty({ type: 'integer', description: 'minor units' }) amount: number;
}

export class ChannelCreditView {
  @ApiProperty() storeId: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: () => CreditLineView, isArray: true, description: 'orders its POS placed (endless aisle), whoever fulfils them; by placement time' })
  soldHere: CreditLineView[];
  @ApiProperty({
    type: () => CreditLineView,
    isArray: true,
    description: 'groups collected here for orders begun elsewhere (online, or another store’s POS); by collection time',
  })
  collectedHere: CreditLineView[];
  @ApiProperty({
    type: () => CreditLineView,
    isArray: true,
    description: 'delivery groups shipped from here for orders begun elsewhere (ship-from-store); by shipping time',
  })
  shippedFromHere: CreditLineView[];
  @ApiProperty({
    type: () => CreditLineView,
    isArray: true,
    description: 'exchanges finished here of orders begun elsewhere, valued at the units taken back; by completion time',
  })
  exchangedHere: CreditLineView[];
  @ApiProperty({
    type: () => CreditLineView,
    isArray: true,
    description: 'returns taken back here of orders begun elsewhere, valued at the units taken back; by completion time',
  })
  takenBackHere: CreditLineView[];
}

const invalid = (field: string, message: string) => invalidField(field, 'isDateString', message);

function period(from: string | undefined, to: string | undefined): { from: Date; to: Date } {
  const f = from ? new Date(from) : new Date(0);
  const t = to ? new Date(to) : new Date('9999-12-31T23:59:59.999Z');
  if (Number.isNaN(f.getTime())) throw invalid('from', 'from must be an ISO 8601 date-time');
  if (Number.isNaN(t.getTime())) throw invalid('to', 'to must be an ISO 8601 date-time');
  return { from: f, to: t };
}

/**
 * Channel credit (journey 5): what a store did for orders that began somewhere else, and what it
 * sold for others to fulfil — from the order service's own records of where each order began
 * (channel, placedAtStoreId) and where each group was fulfilled, and of the returns and exchanges
 * stores finished (from return.completed).
 */
@ApiTags('channel credit')
@Controller('channel-credit')
export class ChannelCreditHttpController {
  constructor(private readonly queries: OrderQueries) {}

  @Get(':storeId')
  @RequireScopes('orders:read')
  @StoreScoped('storeId')
  @ApiOperation({ summary: "A store's channel credit for a period" })
  @ApiParam({ name: 'storeId', schema: { type: 'string', pattern: ID_PATTERN } })
  @ApiQuery({ name: 'from', required: false, description: 'start of the period (inclusive), ISO 8601' })
  @ApiQuery({ name: 'to', required: false, description: 'end of the period (exclusive), ISO 8601' })
  @ApiOkResponse({ type: ChannelCreditView })
  @OrderProblems(['REQUEST.INVALID', 'A value breaks its rule'], ['AUTH.FORBIDDEN', "Another store's token, or a customer's"])
  async credit(
    @Param('storeId') storeId: string,
    @Caller() caller: Principal,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<ChannelCreditView> {
    // A store's figures are for the store and the back office, never for a customer's token.
    if (caller.customerId !== null) throw forbidden('channel credit is not for customer tokens');
    assertId('storeId', storeId);
    const p = period(from, to);
    const credit = await this.queries.channelCredit(storeId, p.from, p.to);
    return {
      storeId,
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      ...credit,
    };
  }
}
