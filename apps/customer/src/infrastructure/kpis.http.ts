import { Controller, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CHANNELS } from '@omni/contracts';
import { Caller, KpiEndpoint, KpiQuery, KpiWindowView, kpiWindowOf, Principal } from '@omni/platform';
import { KpiQueries } from '../application/kpi.queries';

export class PickupKpisView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the orders were placed in' }) bucket: string;
  @ApiProperty({ description: 'pickup store' }) storeId: string;
  @ApiProperty({ type: String, nullable: true, enum: [...CHANNELS], description: 'channel the orders were placed in' }) channel: string | null;
  @ApiProperty({ description: 'orders with a pickup here' }) orders: number;
  @ApiProperty({ description: 'pickup groups (an order split over stores counts once per store)' }) pickups: number;
  @ApiProperty({ description: 'pickups made ready for collection' }) ready: number;
  @ApiProperty() collected: number;
  @ApiProperty({ description: 'ready and never collected before the deadline' }) expired: number;
  @ApiProperty({ description: 'cancelled (by the customer, the store or the system) before collection' }) cancelledBeforePickup: number;
  @ApiProperty() shortPicked: number;
  @ApiProperty({ description: 'served by a transfer from another location' }) shipToStore: number;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from placement to ready, median' }) placedToReadyP50s: number | null;
  @ApiProperty({ type: Number, nullable: true }) placedToReadyP90s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from ready to collected, median' }) readyToCollectedP50s: number | null;
  @ApiProperty({ type: Number, nullable: true }) readyToCollectedP90s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'collected / ready' }) pickupRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'expired / ready' }) expiryRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'short picked / pickups' }) shortPickRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'ship-to-store / pickups' }) shipToStoreShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'cancelled before pickup / pickups' }) cancelledBeforePickupRate: number | null;
}

export class ClickAndCollectKpisView extends KpiWindowView {
  @ApiProperty({ type: () => PickupKpisView, isArray: true, description: 'one row per bucket, pickup store and channel; buckets without orders are left out' })
  rows: PickupKpisView[];
}

export class ReturnKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the returns were completed in' }) bucket: string;
  @ApiProperty({ description: 'the store that took the units back' }) storeId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'returns and exchanges completed' }) returns: number;
  @ApiProperty({ description: 'of those, bought in another channel than a store POS (web, app, call centre, marketplace)' }) boughtOnline: number;
  @ApiProperty({ description: 'of those, received by mail' }) byMail: number;
  @ApiProperty() exchanges: number;
  @ApiProperty({ description: 'exchanges for exactly the value returned' }) evenExchanges: number;
  @ApiProperty({ description: 'refunded to the original payment, minor units' }) refundedToTender: number;
  @ApiProperty({ description: 'refunded as store credit, minor units' }) refundedAsStoreCredit: number;
  @ApiProperty({ description: 'paid on top for uneven exchanges, minor units' }) chargedForExchanges: number;
  @ApiProperty({ description: 'units taken back as sellable: back on hand at the store' }) unitsRestocked: number;
  @ApiProperty({ description: 'units taken back damaged: kept apart, not on hand' }) unitsDamaged: number;
  @ApiProperty({ description: 'units taken back to be returned to the vendor: kept apart, not on hand' }) unitsReturnToVendor: number;
  @ApiProperty({ type: Number, nullable: true, description: 'bought online / returns: the cross-channel share' }) crossChannelShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'exchanges / returns' }) exchangeShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'store credit / everything refunded' }) storeCreditShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'restocked / every unit taken back' }) restockRate: number | null;
}

export class ReturnKpisView extends KpiWindowView {
  @ApiProperty({ type: () => ReturnKpisRowView, isArray: true, description: 'one row per bucket, store and currency; buckets without returns are left out' })
  rows: ReturnKpisRowView[];
}

export class PreorderKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the preorders were placed in' }) bucket: string;
  @ApiProperty({ description: 'pickup store' }) storeId: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel the preorders were placed in' }) channel: string;
  @ApiProperty({ description: 'preorder groups (pickup groups queued for supply, or allocated from it at once)' }) preorders: number;
  @ApiProperty({ description: 'those supply reached: units allocated, at the store or on their way' }) allocated: number;
  @ApiProperty() ready: number;
  @ApiProperty() collected: number;
  @ApiProperty({ description: 'cancelled before collection' }) cancelled: number;
  @ApiProperty({ description: 'whose estimated date moved at least once' }) rescheduled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from placement to allocated, median' }) placedToAllocatedP50s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from allocated (supply in) to ready, median' }) allocatedToReadyP50s: number | null;
  @ApiProperty({ type: Number, nullable: true }) allocatedToReadyP90s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'allocated / preorders' }) fillRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'rescheduled / preorders' }) rescheduleRate: number | null;
}

export class PreorderKpisView extends KpiWindowView {
  @ApiProperty({
    type: () => PreorderKpisRowView,
    isArray: true,
    description: 'one row per bucket, pickup store and channel; buckets without preorders are left out',
  })
  rows: PreorderKpisRowView[];
}

export class DeliveryKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the orders were placed in' }) bucket: string;
  @ApiProperty({ description: 'the store or warehouse that ships them' }) locationId: string;
  @ApiProperty({ type: String, enum: [...CHANNELS], description: 'channel the orders were placed in' }) channel: string;
  @ApiProperty({ description: 'delivery groups assigned to this location (a delivery split over locations counts once per location)' }) shipments: number;
  @ApiProperty({ description: 'delivery groups of every location in the bucket and channel' }) allShipments: number;
  @ApiProperty() shipped: number;
  @ApiProperty() delivered: number;
  @ApiProperty({ description: 'reported refused, lost or undeliverable by the carrier' }) failed: number;
  @ApiProperty({ description: 'cancelled before they were shipped' }) cancelledBeforeShipping: number;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from placement to shipped, median' }) placedToShippedP50s: number | null;
  @ApiProperty({ type: Number, nullable: true }) placedToShippedP90s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from shipped to delivered, median' }) shippedToDeliveredP50s: number | null;
  @ApiProperty({ type: Number, nullable: true }) shippedToDeliveredP90s: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'shipments / allShipments: at a store, its ship-from-store share' }) shareOfShipments:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'delivered / shipped' }) deliveredRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'failed / shipped' }) failedRate: number | null;
}

export class DeliveryKpisView extends KpiWindowView {
  @ApiProperty({
    type: () => DeliveryKpisRowView,
    isArray: true,
    description: 'one row per bucket, shipping location and channel; buckets without deliveries are left out',
  })
  rows: DeliveryKpisRowView[];
}

export class EndlessAisleKpisRowView {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T00:00:00Z', description: 'start of the bucket (UTC) the orders were placed in' }) bucket: string;
  @ApiProperty({ description: 'the store whose POS placed them' }) storeId: string;
  @ApiProperty({ description: 'orders its POS placed' }) posOrders: number;
  @ApiProperty({ description: 'with a group delivered to an address' }) forDelivery: number;
  @ApiProperty({ description: 'with a group to collect at another store' }) forPickupElsewhere: number;
  @ApiProperty({ description: 'with either: endless-aisle sales' }) endlessAisle: number;
  @ApiProperty({ type: Number, nullable: true, description: 'endlessAisle / posOrders' }) endlessAisleShare: number | null;
}

export class EndlessAisleKpisView extends KpiWindowView {
  @ApiProperty({ type: () => EndlessAisleKpisRowView, isArray: true, description: 'one row per bucket and store; buckets without POS orders are left out' })
  rows: EndlessAisleKpisRowView[];
}

/** How click & collect, preorders, deliveries, the endless aisle and returns go, per store, channel and day or hour (docs/kpis.md). */
@ApiTags('kpis')
@Controller('kpis')
export class KpisHttpController {
  constructor(private readonly kpis: KpiQueries) {}

  @KpiEndpoint(
    'click-and-collect',
    'Click & collect KPIs per pickup store, channel and day or hour',
    'Orders with a pickup, time from placement to ready and from ready to collected (p50, p90), pickup, expiry, short-pick and cancellation rates, ship-to-store share, counted in the bucket the order was placed in. Read from the timeline, a projection of the order events rebuildable from the topics. kpis:read; a store token (store_id) sees its own store only.',
    ClickAndCollectKpisView,
  )
  async clickAndCollect(@Query() q: KpiQuery, @Caller() caller: Principal) {
    const f = kpiWindowOf(q, caller);
    return { from: f.from.toISOString(), to: f.to.toISOString(), granularity: f.granularity, rows: await this.kpis.clickAndCollect(f) };
  }

  @KpiEndpoint(
    'returns',
    'Returns and exchanges per store, currency and day or hour',
    'Returns and exchanges completed in the window, counted at the store that took the units back: how many were bought online (the cross-channel share), received by mail, exchanged (even or not), and what was refunded to the original payment or as store credit, or charged for uneven exchanges. Read from the timeline, rebuildable from the topics. channel filters by the channel the order was placed in. kpis:read; a store token (store_id) sees its own store only.',
    ReturnKpisView,
  )
  async returns(@Query() q: KpiQuery, @Caller() caller: Principal) {
    const f = kpiWindowOf(q, caller);
    return { from: f.from.toISOString(), to: f.to.toISOString(), granularity: f.granularity, rows: await this.kpis.returns(f) };
  }

  @KpiEndpoint(
    'preorders',
    'Preorders with store pickup per store, channel and day or hour',
    'Preorder groups placed in the window, counted at their pickup store: how many, how many supply reached (the fill rate), made ready, collected, cancelled, whose estimated date moved, and the times from placement to allocated and from allocated to ready (p50, p90). Read from the timeline, rebuildable from the topics. kpis:read; a store token (store_id) sees its own store only.',
    PreorderKpisView,
  )
  async preorders(@Query() q: KpiQuery, @Caller() caller: Principal) {
    const f = kpiWindowOf(q, caller);
    return { from: f.from.toISOString(), to: f.to.toISOString(), granularity: f.granularity, rows: await this.kpis.preorders(f) };
  }

  @KpiEndpoint(
    'deliveries',
    'Home deliveries per shipping location, channel and day or hour',
    "Delivery groups of the orders placed in the window, counted at the store or warehouse inventory assigned them to: how many, the location's share of all of them (ship-from-store share at a store), shipped, delivered, failed and cancelled before shipping, and the times from placement to shipped and shipped to delivered (p50, p90). Read from the timeline, rebuildable from the topics. kpis:read; a store token (store_id) sees what its own store ships only.",
    DeliveryKpisView,
  )
  async deliveries(@Query() q: KpiQuery, @Caller() caller: Principal) {
    const f = kpiWindowOf(q, caller);
    return { from: f.from.toISOString(), to: f.to.toISOString(), granularity: f.granularity, rows: await this.kpis.deliveries(f) };
  }

  @KpiEndpoint(
    'endless-aisle',
    'The endless aisle per store and day or hour',
    "Orders a store's POS placed in the window, and how many it could not hand over there and then: delivered to an address, or to collect at another store. Read from the timeline, rebuildable from the topics. The channel filter does not apply (these are POS orders). kpis:read; a store token (store_id) sees its own store only.",
    EndlessAisleKpisView,
  )
  async endlessAisle(@Query() q: KpiQuery, @Caller() caller: Principal) {
    const f = kpiWindowOf(q, caller);
    return { from: f.from.toISOString(), to: f.to.toISOString(), granularity: f.granularity, rows: await this.kpis.endlessAisle(f) };
  }
}
