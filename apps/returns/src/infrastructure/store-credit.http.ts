import { Body, Controller, Get, Param, Post, Res, HttpStatus } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, assertCustomer, Caller, invalidField, Principal, Reference, RequireScopes } from '@omni/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { StoreCreditUseCase } from '../application/store-credit.use-case';
import { RedemptionView, StoreCreditView } from './returns.api';
import { returnsProblem, ReturnsProblems } from './returns-problems';
import { ReturnsQueries } from '../application/returns.queries';

const ACCOUNT = /^[A-Za-z0-9._:@-]{1,64}$/;

export class RedeemDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000_000, example: 1500, description: 'minor units' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @Reference('the checkout (cart) this pays for; a retry with it spends once', 'cart-42')
  reference: string;
}

function checkAccount(accountId: string): void {
  if (!ACCOUNT.test(accountId)) throw invalidField('accountId', 'matches', 'accountId must be a customer id');
}

/** Store credit, owned by the returns service (ADR 0009): balances and redemption from any channel. */
@ApiTags('store credit')
@ApiParam({ name: 'accountId', description: 'the customer id', schema: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,64}$', example: 'cust-42' } })
@Controller('store-credit/:accountId')
export class StoreCreditHttpController {
  constructor(
    private readonly credit: StoreCreditUseCase,
    private readonly queries: ReturnsQueries,
  ) {}

  @Get()
  @RequireScopes('orders:read')
  @ApiOperation({ summary: 'Store-credit balances of a customer, per currency' })
  @ApiResponse({ status: 200, description: 'The balances (none yet: an empty list)', type: StoreCreditView })
  @ApiProblems(400)
  async get(@Param('accountId') accountId: string, @Caller() caller: Principal) {
    checkAccount(accountId);
    assertCustomer(caller, accountId);
    const balances = await this.queries.balances(accountId);
    return { accountId, balances: balances.map(({ currency, balance }) => ({ currency, balance })) };
  }

  @Post('redemptions')
  @RequireScopes('orders:place')
  @ApiOperation({
    summary: 'Spend store credit at a checkout of any channel',
    description: 'The order then carries the redemptionId as the reference of a captured tender `store-credit` (order.placed v2 capturedTenders).',
  })
  @ApiBody({ type: RedeemDto })
  @ApiResponse({ status: 201, description: 'Spent', type: RedemptionView })
  @ApiResponse({ status: 200, description: 'Spent earlier with this reference', type: RedemptionView })
  @ReturnsProblems(400, [['STORE_CREDIT.INSUFFICIENT', 'STORE_CREDIT.REFERENCE_REUSED'], 'The balance does not cover it, or the reference paid another amount'])
  async redeem(@Param('accountId') accountId: string, @Body() body: RedeemDto, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    checkAccount(accountId);
    assertCustomer(caller, accountId);
    const r = await this.credit.redeem(accountId, body.amount, body.currency, body.reference);
    if (!r.ok) throw returnsProblem(r.code, r.detail);
    res.status(r.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return { redemptionId: r.redemptionId, amount: r.amount, currency: r.currency, balance: r.balance };
  }
}
