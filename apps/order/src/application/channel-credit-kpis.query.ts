import { Injectable } from '@nestjs/common';
import { bucketSql, KpiWindow } from '@omni/platform';
import { DataSource } from 'typeorm';
import { ChannelCreditKpis, channelCreditKpis } from '../domain/channel-credit-kpis';

/**
 * Every credit a store earned in the window ($1, $2) — each at its own time: a POS sale when it
 * was placed, a pickup when it was collected, a delivery when it was shipped, a return when it was
 * completed — with the store, the channel the order began in and its value; then per bucket ($5),
 * store ($3) and channel ($4). The same rules as `GET /channel-credit/{storeId}`.
 */
const CHANNEL_CREDIT_SQL = `
  WITH credit AS (
    SELECT o.placed_at_store_id AS store_id, o.channel, o.currency, o.placed_at AS at, 'sold' AS kind,
           (SELECT SUM(l.quantity * l.unit_price) FROM order_lines l WHERE l.order_id = o.id) AS amount
      FROM orders o
     WHERE o.placed_at_store_id IS NOT NULL AND o.placed_at >= $1 AND o.placed_at < $2
    UNION ALL
    SELECT g.store_id, o.channel, o.currency, g.collected_at, 'collected',
           (SELECT SUM(l.picked_quantity * l.unit_price) FROM order_lines l WHERE l.fulfilment_id = g.id)
      FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
     WHERE g.type = 'pickup' AND g.status = 'COLLECTED' AND g.collected_at >= $1 AND g.collected_at < $2
       AND o.placed_at_store_id IS DISTINCT FROM g.store_id
    UNION ALL
    SELECT g.store_id, o.channel, o.currency, g.shipped_at, 'shipped',
           (SELECT SUM((l.quantity - l.cancelled_quantity) * l.unit_price) FROM order_lines l WHERE l.fulfilment_id = g.id)
      FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
     WHERE g.type = 'delivery' AND g.shipped_at >= $1 AND g.shipped_at < $2
       AND o.placed_at_store_id IS DISTINCT FROM g.store_id
    UNION ALL
    SELECT t.store_id, t.order_channel, t.currency, t.completed_at, CASE t.kind WHEN 'exchange' THEN 'exchanged' ELSE 'taken-back' END, t.returned_value
      FROM returns_taken_back t
     WHERE t.completed_at >= $1 AND t.completed_at < $2 AND t.order_placed_at_store_id IS DISTINCT FROM t.store_id
  )
  SELECT ${bucketSql('at', '$5')} AS bucket, store_id, channel, trim(currency) AS currency,
         count(*) FILTER (WHERE kind = 'sold')::int AS sold,
         coalesce(sum(amount) FILTER (WHERE kind = 'sold'), 0)::bigint AS sold_amount,
         count(*) FILTER (WHERE kind = 'collected')::int AS collected,
         coalesce(sum(amount) FILTER (WHERE kind = 'collected'), 0)::bigint AS collected_amount,
         count(*) FILTER (WHERE kind = 'shipped')::int AS shipped,
         coalesce(sum(amount) FILTER (WHERE kind = 'shipped'), 0)::bigint AS shipped_amount,
         count(*) FILTER (WHERE kind = 'exchanged')::int AS exchanged,
         coalesce(sum(amount) FILTER (WHERE kind = 'exchanged'), 0)::bigint AS exchanged_amount,
         count(*) FILTER (WHERE kind = 'taken-back')::int AS taken_back,
         coalesce(sum(amount) FILTER (WHERE kind = 'taken-back'), 0)::bigint AS taken_back_amount
    FROM credit
   WHERE ($3::text IS NULL OR store_id = $3) AND ($4::text IS NULL OR channel = $4)
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4`;

interface CreditRow {
  bucket: string;
  store_id: string;
  channel: string;
  currency: string;
  sold: number;
  sold_amount: string;
  collected: number;
  collected_amount: string;
  shipped: number;
  shipped_amount: string;
  exchanged: number;
  exchanged_amount: string;
  taken_back: number;
  taken_back_amount: string;
}

/** Channel credit per bucket, store and channel, from the order service's own records. */
@Injectable()
export class ChannelCreditKpiQueries {
  constructor(private readonly dataSource: DataSource) {}

  async channelCredit(w: KpiWindow): Promise<ChannelCreditKpis[]> {
    const rows = (await this.dataSource.query(CHANNEL_CREDIT_SQL, [w.from, w.to, w.storeId, w.channel, w.granularity])) as CreditRow[];
    return rows.map((r) =>
      channelCreditKpis({
        bucket: r.bucket,
        storeId: r.store_id,
        channel: r.channel,
        currency: r.currency,
        sold: r.sold,
        soldAmount: Number(r.sold_amount),
        collected: r.collected,
        collectedAmount: Number(r.collected_amount),
        shipped: r.shipped,
        shippedAmount: Number(r.shipped_amount),
        exchanged: r.exchanged,
        exchangedAmount: Number(r.exchanged_amount),
        takenBack: r.taken_back,
        takenBackAmount: Number(r.taken_back_amount),
      }),
    );
  }
}
