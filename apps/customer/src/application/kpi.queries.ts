import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bucketSql, KpiWindow } from '@omni/platform';
import {
  preorderKpis,
  PreorderKpis,
  deliveryKpis,
  DeliveryKpis,
  endlessAisleKpis,
  EndlessAisleKpis,
  PickupCounts,
  pickupKpis,
  PickupKpis,
  ReturnKpis,
  returnKpis,
} from '../domain/kpis';

/**
 * The pickup groups of the orders placed in the window ($1, $2) at a store ($3, or any) from a
 * channel ($4, or any): order, channel, group, store and time of placement. Click & collect and
 * preorders both start from it.
 */
const PICKUP_GROUPS_PLACED = `
    SELECT p.order_id, p.channel, (g->>'fulfilmentId')::uuid AS fulfilment_id, g->>'storeId' AS store_id, p.occurred_at AS placed_at
    FROM timeline_entries p CROSS JOIN LATERAL jsonb_array_elements(p.details->'groups') AS g
    WHERE p.kind = 'order.placed' AND p.occurred_at >= $1 AND p.occurred_at < $2
      AND g->>'type' = 'pickup'
      AND ($3::text IS NULL OR g->>'storeId' = $3)
      AND ($4::text IS NULL OR p.channel = $4)`;

/**
 * Each pickup group of the orders placed in the window, with what happened to it, read from the
 * timeline (a projection of the order events, rebuildable from the topics). An order-level event
 * (no group named) counts for each of its groups.
 */
const clickAndCollectSql = (bucket: string, grouping: string) => `
  WITH placed AS (${PICKUP_GROUPS_PLACED}), pickups AS (
    SELECT pl.*, s.*
    FROM placed pl CROSS JOIN LATERAL (
      SELECT min(e.occurred_at) FILTER (WHERE e.kind = 'order.ready-for-pickup') AS ready_at,
             min(e.occurred_at) FILTER (WHERE e.kind = 'order.collected') AS collected_at,
             coalesce(bool_or(e.kind = 'order.expired'), false) AS expired,
             coalesce(bool_or(e.kind = 'order.cancelled'), false) AS cancelled,
             coalesce(bool_or(e.kind = 'order.short-picked'), false) AS short_picked,
             coalesce(bool_or(e.kind = 'order.transfer-arrived'), false) AS transferred
      FROM timeline_entries e
      WHERE e.order_id = pl.order_id AND (e.fulfilment_id IS NULL OR e.fulfilment_id = pl.fulfilment_id)
    ) s
  )
  SELECT ${bucket} AS bucket, store_id, ${grouping === 'store' ? 'NULL::text' : 'channel'} AS channel,
         count(DISTINCT order_id)::int AS orders,
         count(*)::int AS pickups,
         count(ready_at)::int AS ready,
         count(collected_at)::int AS collected,
         count(*) FILTER (WHERE expired AND collected_at IS NULL)::int AS expired,
         count(*) FILTER (WHERE cancelled AND collected_at IS NULL)::int AS cancelled_before_pickup,
         count(*) FILTER (WHERE short_picked)::int AS short_picked,
         count(*) FILTER (WHERE transferred)::int AS ship_to_store,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ready_at - placed_at)) AS placed_to_ready_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ready_at - placed_at)) AS placed_to_ready_p90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM collected_at - ready_at)) AS ready_to_collected_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM collected_at - ready_at)) AS ready_to_collected_p90
  FROM pickups
  GROUP BY ${grouping === 'store' ? 'store_id' : '1, 2, 3'}
  ORDER BY 1, 2, 3`;

/** Per bucket (day or hour, $5), store and channel. */
const BY_BUCKET = clickAndCollectSql(bucketSql('placed_at', '$5'), 'bucket');
/** Per store over the whole window, all channels together (the gauges). */
const BY_STORE = clickAndCollectSql(`to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`, 'store');

/**
 * Returns and exchanges completed in the window, per bucket of completion (day or hour, $5), store
 * and currency, read from the timeline's return.completed entries. The channel filter ($4) is the
 * channel the order was placed in. A return recorded before the timeline kept how it came back
 * counts as brought to the counter.
 */
const RETURNS_SQL = `
  SELECT ${bucketSql('occurred_at', '$5')} AS bucket,
         store_id, details->>'currency' AS currency,
         count(*)::int AS returns,
         count(*) FILTER (WHERE details->>'orderChannel' <> 'pos')::int AS bought_online,
         count(*) FILTER (WHERE details->>'returnChannel' = 'mail')::int AS by_mail,
         count(*) FILTER (WHERE details->>'returnKind' = 'exchange')::int AS exchanges,
         count(*) FILTER (WHERE details->>'returnKind' = 'exchange' AND (details->>'difference')::int = 0)::int AS even_exchanges,
         coalesce(sum((details->>'refundAmount')::int) FILTER (WHERE details->>'refundMethod' = 'original-tender'), 0)::int AS refunded_to_tender,
         coalesce(sum((details->>'refundAmount')::int) FILTER (WHERE details->>'refundMethod' = 'store-credit'), 0)::int AS refunded_as_store_credit,
         coalesce(sum((details->>'difference')::int) FILTER (WHERE (details->>'difference')::int > 0), 0)::int AS charged_for_exchanges,
         coalesce(sum((details->'unitsBack'->>'sellable')::int), 0)::int AS units_sellable,
         coalesce(sum((details->'unitsBack'->>'damaged')::int), 0)::int AS units_damaged,
         coalesce(sum((details->'unitsBack'->>'return-to-vendor')::int), 0)::int AS units_return_to_vendor
  FROM timeline_entries
  WHERE kind = 'return.completed' AND occurred_at >= $1 AND occurred_at < $2
    AND ($3::text IS NULL OR store_id = $3)
    AND ($4::text IS NULL OR details->>'orderChannel' = $4)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

/**
 * Each delivery group of the orders placed in the window, as inventory last assigned it to a
 * location, with what happened to it; per bucket of placement ($5), location and channel ($4). The
 * share of shipments is taken over every location before the location filter ($3) applies.
 */
const DELIVERIES_SQL = `
  WITH placed AS (
    SELECT p.order_id, p.channel, p.occurred_at AS placed_at
    FROM timeline_entries p
    WHERE p.kind = 'order.placed' AND p.occurred_at >= $1 AND p.occurred_at < $2
      AND ($4::text IS NULL OR p.channel = $4)
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(p.details->'groups') g WHERE g->>'type' = 'delivery')
  ), assigned AS (
    SELECT DISTINCT ON (g->>'fulfilmentId') pl.order_id, pl.channel, pl.placed_at, (g->>'fulfilmentId')::uuid AS fulfilment_id, g->>'locationId' AS location_id
    FROM placed pl
    JOIN timeline_entries a ON a.order_id = pl.order_id AND a.kind = 'order.delivery-assigned'
    CROSS JOIN LATERAL jsonb_array_elements(a.details->'groups') AS g
    ORDER BY g->>'fulfilmentId', a.occurred_at DESC
  ), shipments AS (
    SELECT s.*, x.*, ${bucketSql('s.placed_at', '$5')} AS bucket
    FROM assigned s CROSS JOIN LATERAL (
      SELECT min(e.occurred_at) FILTER (WHERE e.kind = 'order.shipped') AS shipped_at,
             min(e.occurred_at) FILTER (WHERE e.kind = 'order.delivered') AS delivered_at,
             coalesce(bool_or(e.kind = 'order.delivery-failed'), false) AS failed,
             coalesce(bool_or(e.kind = 'order.cancelled'), false) AS cancelled
      FROM timeline_entries e
      WHERE e.order_id = s.order_id AND (e.fulfilment_id IS NULL OR e.fulfilment_id = s.fulfilment_id)
    ) x
  ), per_location AS (
    SELECT bucket, location_id, channel,
           count(*)::int AS shipments,
           (sum(count(*)) OVER (PARTITION BY bucket, channel))::int AS all_shipments,
           count(shipped_at)::int AS shipped,
           count(delivered_at)::int AS delivered,
           count(*) FILTER (WHERE failed AND delivered_at IS NULL)::int AS failed,
           count(*) FILTER (WHERE cancelled AND shipped_at IS NULL)::int AS cancelled_before_shipping,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - placed_at)) AS placed_to_shipped_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - placed_at)) AS placed_to_shipped_p90,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - shipped_at)) AS shipped_to_delivered_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - shipped_at)) AS shipped_to_delivered_p90
    FROM shipments
    GROUP BY bucket, location_id, channel
  )
  SELECT * FROM per_location WHERE $3::text IS NULL OR location_id = $3
  ORDER BY 1, 2, 3`;

interface DeliveryRow {
  bucket: string;
  location_id: string;
  channel: string;
  shipments: number;
  all_shipments: number;
  shipped: number;
  delivered: number;
  failed: number;
  cancelled_before_shipping: number;
  placed_to_shipped_p50: number | null;
  placed_to_shipped_p90: number | null;
  shipped_to_delivered_p50: number | null;
  shipped_to_delivered_p90: number | null;
}

/**
 * Orders placed at a store's POS in the window, per bucket ($5) and store ($3): how many went to
 * an address or to another store for collection.
 */
const ENDLESS_AISLE_SQL = `
  WITH pos AS (
    SELECT occurred_at, details->>'placedAtStoreId' AS store_id,
           EXISTS (SELECT 1 FROM jsonb_array_elements(details->'groups') g WHERE g->>'type' = 'delivery') AS for_delivery,
           EXISTS (SELECT 1 FROM jsonb_array_elements(details->'groups') g WHERE g->>'type' = 'pickup' AND g->>'storeId' <> details->>'placedAtStoreId') AS for_pickup_elsewhere
    FROM timeline_entries
    WHERE kind = 'order.placed' AND occurred_at >= $1 AND occurred_at < $2 AND channel = 'pos'
      AND details->>'placedAtStoreId' IS NOT NULL
      AND ($3::text IS NULL OR details->>'placedAtStoreId' = $3)
  )
  SELECT ${bucketSql('occurred_at', '$4')} AS bucket, store_id,
         count(*)::int AS pos_orders,
         count(*) FILTER (WHERE for_delivery)::int AS for_delivery,
         count(*) FILTER (WHERE for_pickup_elsewhere)::int AS for_pickup_elsewhere,
         count(*) FILTER (WHERE for_delivery OR for_pickup_elsewhere)::int AS endless_aisle
  FROM pos
  GROUP BY 1, 2
  ORDER BY 1, 2`;

/**
 * Each pickup group of the orders placed in the window that was a preorder (queued for supply, or
 * allocated from it), with what happened to it; per bucket of placement ($5), store and channel.
 */
const PREORDERS_SQL = `
  WITH placed AS (${PICKUP_GROUPS_PLACED}), preorders AS (
    SELECT pl.*, s.*
    FROM placed pl CROSS JOIN LATERAL (
      SELECT min(e.occurred_at) FILTER (WHERE e.kind = 'order.preordered') AS queued_at,
             min(e.occurred_at) FILTER (WHERE e.kind = 'order.preorder-allocated') AS allocated_at,
             min(e.occurred_at) FILTER (WHERE e.kind = 'order.ready-for-pickup') AS ready_at,
             min(e.occurred_at) FILTER (WHERE e.kind = 'order.collected') AS collected_at,
             coalesce(bool_or(e.kind = 'order.cancelled'), false) AS cancelled,
             coalesce(bool_or(e.kind = 'order.preorder-rescheduled'), false) AS rescheduled
      FROM timeline_entries e
      WHERE e.order_id = pl.order_id AND (e.fulfilment_id IS NULL OR e.fulfilment_id = pl.fulfilment_id)
    ) s
    WHERE s.queued_at IS NOT NULL OR s.allocated_at IS NOT NULL
  )
  SELECT ${bucketSql('placed_at', '$5')} AS bucket, store_id, channel,
         count(*)::int AS preorders,
         count(allocated_at)::int AS allocated,
         count(ready_at)::int AS ready,
         count(collected_at)::int AS collected,
         count(*) FILTER (WHERE cancelled AND collected_at IS NULL)::int AS cancelled,
         count(*) FILTER (WHERE rescheduled)::int AS rescheduled,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM allocated_at - placed_at)) AS placed_to_allocated_p50,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ready_at - allocated_at)) AS allocated_to_ready_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ready_at - allocated_at)) AS allocated_to_ready_p90
  FROM preorders
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

interface ReturnRow {
  bucket: string;
  store_id: string;
  currency: string;
  returns: number;
  bought_online: number;
  by_mail: number;
  exchanges: number;
  even_exchanges: number;
  refunded_to_tender: number;
  refunded_as_store_credit: number;
  charged_for_exchanges: number;
  units_sellable: number;
  units_damaged: number;
  units_return_to_vendor: number;
}

interface Row {
  bucket: string;
  store_id: string;
  channel: string | null;
  orders: number;
  pickups: number;
  ready: number;
  collected: number;
  expired: number;
  cancelled_before_pickup: number;
  short_picked: number;
  ship_to_store: number;
  placed_to_ready_p50: number | null;
  placed_to_ready_p90: number | null;
  ready_to_collected_p50: number | null;
  ready_to_collected_p90: number | null;
}

const seconds = (v: number | string | null): number | null => (v === null ? null : Number(v));

@Injectable()
export class KpiQueries {
  constructor(private readonly dataSource: DataSource) {}

  async clickAndCollect(f: KpiWindow): Promise<PickupKpis[]> {
    return this.kpisOf(await this.dataSource.query(BY_BUCKET, [f.from, f.to, f.storeId, f.channel, f.granularity]));
  }

  /** Every store's figures over the window, all channels together. */
  async clickAndCollectPerStore(from: Date, to: Date): Promise<PickupKpis[]> {
    return this.kpisOf(await this.dataSource.query(BY_STORE, [from, to, null, null]));
  }

  async returns(f: KpiWindow): Promise<ReturnKpis[]> {
    const rows = (await this.dataSource.query(RETURNS_SQL, [f.from, f.to, f.storeId, f.channel, f.granularity])) as ReturnRow[];
    return rows.map((r) =>
      returnKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        currency: r.currency,
        returns: r.returns,
        boughtOnline: r.bought_online,
        byMail: r.by_mail,
        exchanges: r.exchanges,
        evenExchanges: r.even_exchanges,
        refundedToTender: r.refunded_to_tender,
        refundedAsStoreCredit: r.refunded_as_store_credit,
        chargedForExchanges: r.charged_for_exchanges,
        unitsRestocked: r.units_sellable,
        unitsDamaged: r.units_damaged,
        unitsReturnToVendor: r.units_return_to_vendor,
      }),
    );
  }

  async deliveries(f: KpiWindow): Promise<DeliveryKpis[]> {
    const rows = (await this.dataSource.query(DELIVERIES_SQL, [f.from, f.to, f.storeId, f.channel, f.granularity])) as DeliveryRow[];
    return rows.map((r) =>
      deliveryKpis({
        bucket: r.bucket,
        locationId: r.location_id,
        channel: r.channel,
        shipments: r.shipments,
        allShipments: r.all_shipments,
        shipped: r.shipped,
        delivered: r.delivered,
        failed: r.failed,
        cancelledBeforeShipping: r.cancelled_before_shipping,
        placedToShippedP50s: seconds(r.placed_to_shipped_p50),
        placedToShippedP90s: seconds(r.placed_to_shipped_p90),
        shippedToDeliveredP50s: seconds(r.shipped_to_delivered_p50),
        shippedToDeliveredP90s: seconds(r.shipped_to_delivered_p90),
      }),
    );
  }

  async preorders(f: KpiWindow): Promise<PreorderKpis[]> {
    const rows = (await this.dataSource.query(PREORDERS_SQL, [f.from, f.to, f.storeId, f.channel, f.granularity])) as {
      bucket: string;
      store_id: string;
      channel: string;
      preorders: number;
      allocated: number;
      ready: number;
      collected: number;
      cancelled: number;
      rescheduled: number;
      placed_to_allocated_p50: number | null;
      allocated_to_ready_p50: number | null;
      allocated_to_ready_p90: number | null;
    }[];
    return rows.map((r) =>
      preorderKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        channel: r.channel,
        preorders: r.preorders,
        allocated: r.allocated,
        ready: r.ready,
        collected: r.collected,
        cancelled: r.cancelled,
        rescheduled: r.rescheduled,
        placedToAllocatedP50s: seconds(r.placed_to_allocated_p50),
        allocatedToReadyP50s: seconds(r.allocated_to_ready_p50),
        allocatedToReadyP90s: seconds(r.allocated_to_ready_p90),
      }),
    );
  }

  /** The channel filter does not apply: these are a POS's orders. */
  async endlessAisle(f: KpiWindow): Promise<EndlessAisleKpis[]> {
    const rows = (await this.dataSource.query(ENDLESS_AISLE_SQL, [f.from, f.to, f.storeId, f.granularity])) as {
      bucket: string;
      store_id: string;
      pos_orders: number;
      for_delivery: number;
      for_pickup_elsewhere: number;
      endless_aisle: number;
    }[];
    return rows.map((r) =>
      endlessAisleKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        posOrders: r.pos_orders,
        forDelivery: r.for_delivery,
        forPickupElsewhere: r.for_pickup_elsewhere,
        endlessAisle: r.endless_aisle,
      }),
    );
  }

  private kpisOf(rows: Row[]): PickupKpis[] {
    return rows.map((r) =>
      pickupKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        channel: r.channel,
        orders: r.orders,
        pickups: r.pickups,
        ready: r.ready,
        collected: r.collected,
        expired: r.expired,
        cancelledBeforePickup: r.cancelled_before_pickup,
        shortPicked: r.short_picked,
        shipToStore: r.ship_to_store,
        placedToReadyP50s: seconds(r.placed_to_ready_p50),
        placedToReadyP90s: seconds(r.placed_to_ready_p90),
        readyToCollectedP50s: seconds(r.ready_to_collected_p50),
        readyToCollectedP90s: seconds(r.ready_to_collected_p90),
      } satisfies PickupCounts),
    );
  }
}
