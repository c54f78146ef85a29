import { isUuid } from '@omni/contracts';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assertCustomer, Caller, invalidField, Principal, RequireScopes, uuidParam } from '@omni/platform';
import { normaliseEmail, normalisePhone } from '../domain/order-record';
import type { LookupKey } from '../application/ports/order-record.port';
import { ReturnableOrderListView, ReturnableOrderView } from './returns.api';
import { returnsProblem, ReturnsProblems } from './returns-problems';
import { returnableOrderView } from './views';
import { ReturnsConfig } from '../returns.config';
import { ReturnsQueries } from '../application/returns.queries';

const KEYS: readonly LookupKey[] = ['orderId', 'receipt', 'email', 'phone', 'loyaltyId', 'customerId'];

/** The value a lookup compares, normalised as the read model stored it; a bad value names its field. */
function lookupValue(key: LookupKey, raw: string, phoneCountry: string): string {
  const v = raw.trim();
  if (v.length === 0 || v.length > 254) throw invalidField(key, 'length', `${key} must be 1-254 characters`);
  switch (key) {
    case 'orderId':
      if (!isUuid(v)) throw invalidField(key, 'isUuid', 'orderId must be a UUID');
      return v.toLowerCase();
    case 'receipt':
      if (!/^[0-9A-Fa-f]{12}$/.test(v)) throw invalidField(key, 'matches', 'receipt must be the 12 hex digits printed on the receipt');
      return v.toUpperCase();
    case 'email':
      if (!/^[^@\s]+@[^@\s]+$/.test(v)) throw invalidField(key, 'isEmail', 'email must be an e-mail address');
      return normaliseEmail(v)!;
    case 'phone':
      if (!/^\+?[0-9 ().-]{4,32}$/.test(v)) throw invalidField(key, 'isPhone', 'phone must be a phone number (international form: +33…)');
      return normalisePhone(v, phoneCountry)!;
    case 'loyaltyId':
    case 'customerId':
      return v;
  }
}

@ApiTags('order lookup')
@Controller('returnable-orders')
export class LookupHttpController {
  constructor(
    private readonly queries: ReturnsQueries,
    @Inject(ReturnsConfig) private readonly config: ReturnsConfig,
  ) {}

  @Get()
  @RequireScopes('orders:read')
  @ApiOperation({
    summary: "Find an order at any store's POS",
    description:
      'Exactly one of orderId, receipt (the 12 hex digits printed on the receipt), email, phone, loyaltyId or customerId. Orders of every channel, with what can still be returned per line.',
  })
  @ApiQuery({ name: 'orderId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'receipt', required: false, schema: { type: 'string', pattern: '^[0-9A-Fa-f]{12}$' } })
  @ApiQuery({ name: 'email', required: false, schema: { type: 'string', maxLength: 254 } })
  @ApiQuery({ name: 'phone', required: false, schema: { type: 'string', maxLength: 32 } })
  @ApiQuery({ name: 'loyaltyId', required: false, schema: { type: 'string', maxLength: 64 } })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string', maxLength: 64 } })
  @ApiResponse({ status: 200, description: 'Matching orders, newest first', type: ReturnableOrderListView })
  @ReturnsProblems(['REQUEST.INVALID', 'Not exactly one criterion, or a malformed one'])
  async find(@Query() query: Record<string, string>, @Caller() caller: Principal) {
    const given = Object.keys(query).filter((k) => query[k] !== undefined);
    const unknown = given.find((k) => !(KEYS as readonly string[]).includes(k));
    if (unknown) throw invalidField(unknown, 'whitelist', `${unknown} is not a lookup criterion (${KEYS.join(', ')})`);
    if (given.length !== 1) throw invalidField('query', 'exactlyOne', `exactly one of ${KEYS.join(', ')} is required`);
    const key = given[0] as LookupKey;
    const found = await this.queries.lookupOrders(key, lookupValue(key, String(query[key]), this.config.PHONE_DEFAULT_COUNTRY));
    // A customer token finds its own orders only.
    const mine = caller.customerId === null ? found : found.filter((o) => o.customerId === caller.customerId);
    const policy = await this.queries.policyDocument();
    return { orders: mine.map((o) => returnableOrderView(o, policy)) };
  }

  @Get(':orderId')
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'One order as the returns service knows it, with what can still be returned' })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiResponse({ status: 200, description: 'The order', type: ReturnableOrderView })
  @ReturnsProblems(['REQUEST.INVALID', 'orderId is not a UUID'], ['ORDER.NOT_FOUND', 'Not known here'])
  async get(@Param('orderId', uuidParam('orderId')) orderId: string, @Caller() caller: Principal) {
    const o = await this.queries.order(orderId);
    assertCustomer(caller, o ? o.customerId : undefined);
    if (!o) throw returnsProblem('ORDER.NOT_FOUND', `no order ${orderId} (or its order.placed is not here yet)`);
    return returnableOrderView(o, await this.queries.policyDocument());
  }
}
