import { Controller, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CHANNELS } from '@omni/contracts';
import { Caller, KpiEndpoint, KpiQuery, KpiWindowView, kpiWindowOf, Principal } from '@omni/platform';
import { CartKpiQueries } from '../application/cart-kpis.query';
import { ChannelCreditKpiQueries } from '../application/channel-credit-kpis.query';

export class CartKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the carts were started in' }) bucket: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel the carts were started in' }) startedChannel: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel they were last continued in (their started channel when they never moved)' })
  lastChannel: string;
  @ApiProperty({ description: "the last channel is another one: continued across channels (app → web, web → a store's POS)" }) crossChannel: boolean;
  @ApiProperty({ description: "handed from another channel to a store's POS (a handoff code claimed there)" }) handedToStore: boolean;
  @ApiProperty() started: number;
  @ApiProperty({ description: 'checked out: an order was placed from them' }) checkedOut: number;
  @ApiProperty({ description: 'left idle past CART_ABANDON_AFTER_MINUTES' }) abandoned: number;
  @ApiProperty({ description: "a guest cart merged into a signed-in customer's cart" }) merged: number;
  @ApiProperty({ description: 'still open' }) open: number;
  @ApiProperty({ type: Number, nullable: true, description: 'checked out / started (for carts handed to a store: the handoff conversion)' }) conversionRate:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'abandoned / started' }) abandonmentRate: number | null;
}

export class CartKpisView extends KpiWindowView {
  @ApiProperty({
    type: () => CartKpisRowView,
    isArray: true,
    description: 'one row per bucket, started channel and last channel; buckets without carts are left out',
  })
  rows: CartKpisRowView[];
}

export class ChannelCreditKpisRowView {
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-03T00:00:00Z',
    description: 'start of the bucket (UTC): of the sale, collection, shipment or return counted',
  })
  bucket: string;
  @ApiProperty() storeId: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel the orders began in (pos for what the store sold itself)' }) channel: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: "orders the store's POS placed, whoever fulfils them" }) sold: number;
  @ApiProperty({ description: 'minor units' }) soldAmount: number;
  @ApiProperty({ description: 'pickup groups collected here for orders begun elsewhere' }) collected: number;
  @ApiProperty({ description: 'minor units, at the units picked' }) collectedAmount: number;
  @ApiProperty({ description: 'delivery groups shipped from here for orders begun elsewhere (ship-from-store)' }) shipped: number;
  @ApiProperty({ description: 'minor units' }) shippedAmount: number;
  @ApiProperty({ description: 'exchanges finished here of orders begun elsewhere' }) exchanged: number;
  @ApiProperty({ description: 'minor units, at the units taken back' }) exchangedAmount: number;
  @ApiProperty({ description: 'returns taken back here of orders begun elsewhere' }) takenBack: number;
  @ApiProperty({ description: 'minor units, at the units taken back' }) takenBackAmount: number;
  @ApiProperty({ description: 'collected + shipped amounts: what the store fulfilled for other channels and stores' }) fulfilledForOthersAmount: number;
}

export class ChannelCreditKpisView extends KpiWindowView {
  @ApiProperty({
    type: () => ChannelCreditKpisRowView,
    isArray: true,
    description: 'one row per bucket, store, channel and currency; buckets without credit are left out',
  })
  rows: ChannelCreditKpisRowView[];
}

/**
 * KPIs the order service answers from its own records (docs/kpis.md): carts across channels (ADR
 * 0028) and each store's channel credit over time.
 */
@ApiTags('kpis')
@Controller('kpis')
export class KpisHttpController {
  constructor(
    private readonly cartKpis: CartKpiQueries,
    private readonly creditKpis: ChannelCreditKpiQueries,
  ) {}

  @KpiEndpoint(
    'carts',
    'Carts per started channel, last channel and day or hour',
    "Carts started in the window, by the channel they began in and the one they were last continued in (app → web, web → a store's POS through a handoff), and how they stand: checked out, abandoned, merged, open; conversion and abandonment rates. storeId counts the carts started or continued at that store; channel is the started channel. kpis:read; a store token (store_id) sees its own store's carts only.",
    CartKpisView,
  )
  async carts(@Query() q: KpiQuery, @Caller() caller: Principal): Promise<CartKpisView> {
    const w = kpiWindowOf(q, caller);
    return { from: w.from.toISOString(), to: w.to.toISOString(), granularity: w.granularity, rows: await this.cartKpis.carts(w) };
  }

  @KpiEndpoint(
    'channel-credit',
    'Channel credit per store, channel and day or hour',
    'What each store did for the orders of each channel they began in, each counted when it happened: sold at its POS (placed), collected there or shipped from there for orders begun elsewhere, and returns and exchanges it took back of orders begun elsewhere, with their value. The same rules as GET /channel-credit/{storeId}, over time. channel is the channel the orders began in. kpis:read; a store token (store_id) sees its own store only.',
    ChannelCreditKpisView,
  )
  async channelCredit(@Query() q: KpiQuery, @Caller() caller: Principal): Promise<ChannelCreditKpisView> {
    const w = kpiWindowOf(q, caller);
    return { from: w.from.toISOString(), to: w.to.toISOString(), granularity: w.granularity, rows: await this.creditKpis.channelCredit(w) };
  }
}
