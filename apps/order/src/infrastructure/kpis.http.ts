import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CHANNELS } from '@omni/contracts';
import { ApiProblems, Caller, KPI_GRANULARITIES, KpiQuery, kpiWindowOf, Principal, RequireScopes } from '@omni/platform';
import { CartKpiQueries } from '../application/cart-kpis.query';

export class CartKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the carts were started in' }) bucket: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel the carts were started in' }) startedChannel: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel they were last continued in (their started channel when they never moved)' }) lastChannel: string;
  @ApiProperty({ description: 'the last channel is another one: continued across channels (app → web, web → a store\'s POS)' }) crossChannel: boolean;
  @ApiProperty({ description: 'handed from another channel to a store\'s POS (a handoff code claimed there)' }) handedToStore: boolean;
  @ApiProperty() started: number;
  @ApiProperty({ description: 'checked out: an order was placed from them' }) checkedOut: number;
  @ApiProperty({ description: 'left idle past CART_ABANDON_AFTER_MINUTES' }) abandoned: number;
  @ApiProperty({ description: 'a guest cart merged into a signed-in customer\'s cart' }) merged: number;
  @ApiProperty({ description: 'still open' }) open: number;
  @ApiProperty({ type: Number, nullable: true, description: 'checked out / started (for carts handed to a store: the handoff conversion)' }) conversionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'abandoned / started' }) abandonmentRate: number | null;
}

export class CartKpisView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: KPI_GRANULARITIES }) granularity: string;
  @ApiProperty({ type: () => CartKpisRowView, isArray: true, description: 'one row per bucket, started channel and last channel; buckets without carts are left out' }) rows: CartKpisRowView[];
}

/** How carts go across channels (docs/kpis.md, ADR 0028): read from the order service's own carts. */
@ApiTags('kpis')
@Controller('kpis')
export class CartKpisHttpController {
  constructor(private readonly kpis: CartKpiQueries) {}

  @Get('carts')
  @RequireScopes('kpis:read')
  @ApiOperation({
    summary: 'Carts per started channel, last channel and day or hour',
    description:
      'Carts started in the window, by the channel they began in and the one they were last continued in (app → web, web → a store\'s POS through a handoff), and how they stand: checked out, abandoned, merged, open; conversion and abandonment rates. storeId counts the carts started or continued at that store; channel is the started channel. kpis:read; a store token (store_id) sees its own store\'s carts only.',
  })
  @ApiOkResponse({ type: CartKpisView })
  @ApiProblems([400, 'from, to, granularity, storeId or channel breaks its rule, or the window is too wide (REQUEST.INVALID)'], [403, "Another store than the token's (AUTH.FORBIDDEN)"])
  async carts(@Query() q: KpiQuery, @Caller() caller: Principal): Promise<CartKpisView> {
    const w = kpiWindowOf(q, caller);
    return { from: w.from.toISOString(), to: w.to.toISOString(), granularity: w.granularity, rows: await this.kpis.carts(w) };
  }
}
