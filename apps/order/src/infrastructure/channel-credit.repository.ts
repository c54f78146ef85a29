import { bucketSql, KpiWindow } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { ChannelCredit, ChannelCreditRepository, CreditLine, CreditPerBucketRow } from '../application/ports/channel-credit.port';

/**
 * Every credit a store earned in [$1, $2), each at its own time: a POS sale when it was placed, a
 * pickup collected there for an order begun elsewhere when it was collected (valued at the units
 * picked), a delivery shipped from there for one begun elsewhere when it shipped, a return or
 * exchange finished there of one begun elsewhere when it was completed (valued at the units taken
 * back). One row per credit: store, the channel the order began in, currency, time, kind, amount.
 * Lines are reached through their group (`order_lines` is indexed by group, not by order).
 * `GET /channel-credit/{storeId}` and `GET /kpis/channel-credit` both add these up.
 */
const CREDIT_EARNED = `
    SELECT o.placed_at_store_id AS store_id, o.channel, o.currency, o.placed_at AS at, 'sold' AS kind,
           (SELECT SUM(l.quantity * l.unit_price) FROM fulfilment_groups s JOIN order_lines l ON l.fulfilment_id = s.id WHERE s.order_id = o.id) AS amount
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
     WHERE t.completed_at >= $1 AND t.completed_at < $2 AND t.order_placed_at_store_id IS DISTINCT FROM t.store_id`;

/** One store's credit over the window ($1, $2, store $3), per kind and currency. */
const CREDIT_OF_STORE = `
  WITH credit AS (${CREDIT_EARNED})
  SELECT kind, currency, count(*)::int AS count, coalesce(sum(amount), 0)::bigint AS amount
    FROM credit WHERE store_id = $3
   GROUP BY kind, currency ORDER BY currency`;

/** Every store's credit per bucket ($5), store ($3, or all), channel begun in ($4, or all) and currency. */
const CREDIT_PER_BUCKET = `
  WITH credit AS (${CREDIT_EARNED})
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

/**
 * Channel credit (journey 5): what a store did for orders that began somewhere else, and what it
 * sold for others to fulfil, over [from, to).
 */
export const channelCreditRepository = {
  async of(m: EntityManager, storeId: string, from: Date, to: Date): Promise<ChannelCredit> {
    const rows: { kind: string; currency: string; count: number; amount: string | number }[] = await m.query(CREDIT_OF_STORE, [from, to, storeId]);
    const of = (kind: string): CreditLine[] =>
      rows.filter((r) => r.kind === kind).map((r) => ({ currency: r.currency, count: Number(r.count), amount: Number(r.amount) }));
    return {
      soldHere: of('sold'),
      collectedHere: of('collected'),
      shippedFromHere: of('shipped'),
      exchangedHere: of('exchanged'),
      takenBackHere: of('taken-back'),
    };
  },

  /** The credit of every store (or one) per bucket, channel and currency, for the KPIs. */
  perBucket(m: EntityManager, w: KpiWindow): Promise<CreditPerBucketRow[]> {
    return m.query(CREDIT_PER_BUCKET, [w.from, w.to, w.storeId, w.channel, w.granularity]);
  },
} satisfies ChannelCreditRepository;
