import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KpiGranularity, PickupCounts, pickupKpis, PickupKpis, ReturnKpis, returnKpis } from '../domain/kpis';

export interface KpiFilter {
  readonly from: Date;
  readonly to: Date;
  readonly granularity: KpiGranularity;
  readonly storeId: string | null;
  readonly channel: string | null;
}

/**
 * Each pickup group of the orders placed in the window, with what happened to it, read from the
 * timeline (a projection of the order events, rebuildable from the topics). An order-level event
 * (no group named) counts for each of its groups.
 */
const clickAndCollectSql = (bucket: string, grouping: string) => `
  WITH placed AS (
    SELECT p.order_id, p.channel, (g->>'fulfilmentId')::uuid AS fulfilment_id, g->>'storeId' AS store_id, p.occurred_at AS placed_at
    FROM timeline_entries p CROSS JOIN LATERAL jsonb_array_elements(p.details->'groups') AS g
    WHERE p.kind = 'order.placed' AND p.occurred_at >= $1 AND p.occurred_at < $2
      AND g->>'type' = 'pickup'
      AND ($3::text IS NULL OR g->>'storeId' = $3)
      AND ($4::text IS NULL OR p.channel = $4)
  ), pickups AS (
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
const BY_BUCKET = clickAndCollectSql(`to_char(date_trunc($5, placed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`, 'bucket');
/** Per store over the whole window, all channels together (the gauges). */
const BY_STORE = clickAndCollectSql(`to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`, 'store');

/**
 * Returns and exchanges completed in the window, per bucket of completion (day or hour, $5), store
 * and currency, read from the timeline's return.completed entries. The channel filter ($4) is the
 * channel the order was placed in. A return recorded before the timeline kept how it came back
 * counts as brought to the counter.
 */
const RETURNS_SQL = `
  SELECT to_char(date_trunc($5, occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"') AS bucket,
         store_id, details->>'currency' AS currency,
         count(*)::int AS returns,
         count(*) FILTER (WHERE details->>'orderChannel' <> 'pos')::int AS bought_online,
         count(*) FILTER (WHERE details->>'returnChannel' = 'mail')::int AS by_mail,
         count(*) FILTER (WHERE details->>'returnKind' = 'exchange')::int AS exchanges,
         count(*) FILTER (WHERE details->>'returnKind' = 'exchange' AND (details->>'difference')::int = 0)::int AS even_exchanges,
         coalesce(sum((details->>'refundAmount')::int) FILTER (WHERE details->>'refundMethod' = 'original-tender'), 0)::int AS refunded_to_tender,
         coalesce(sum((details->>'refundAmount')::int) FILTER (WHERE details->>'refundMethod' = 'store-credit'), 0)::int AS refunded_as_store_credit,
         coalesce(sum((details->>'difference')::int) FILTER (WHERE (details->>'difference')::int > 0), 0)::int AS charged_for_exchanges
  FROM timeline_entries
  WHERE kind = 'return.completed' AND occurred_at >= $1 AND occurred_at < $2
    AND ($3::text IS NULL OR store_id = $3)
    AND ($4::text IS NULL OR details->>'orderChannel' = $4)
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

  async clickAndCollect(f: KpiFilter): Promise<PickupKpis[]> {
    return this.kpisOf(await this.dataSource.query(BY_BUCKET, [f.from, f.to, f.storeId, f.channel, f.granularity]));
  }

  /** Every store's figures over the window, all channels together. */
  async clickAndCollectPerStore(from: Date, to: Date): Promise<PickupKpis[]> {
    return this.kpisOf(await this.dataSource.query(BY_STORE, [from, to, null, null]));
  }

  async returns(f: KpiFilter): Promise<ReturnKpis[]> {
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
