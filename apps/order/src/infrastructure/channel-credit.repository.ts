import { EntityManager } from 'typeorm';

/** Orders (or groups) counted and their value, per currency. */
export interface CreditLine {
  readonly currency: string;
  readonly count: number;
  readonly amount: number;
}

export interface ChannelCredit {
  readonly soldHere: CreditLine[];
  readonly collectedHere: CreditLine[];
  readonly shippedFromHere: CreditLine[];
  readonly exchangedHere: CreditLine[];
  readonly takenBackHere: CreditLine[];
}

const SOLD_HERE = `
  SELECT o.currency, count(*)::int AS count, COALESCE(SUM((SELECT SUM(l.quantity * l.unit_price) FROM order_lines l WHERE l.order_id = o.id)), 0)::bigint AS amount
    FROM orders o WHERE o.placed_at_store_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3 GROUP BY o.currency ORDER BY o.currency`;

const COLLECTED_HERE = `
  SELECT o.currency, count(*)::int AS count, COALESCE(SUM((SELECT SUM(l.picked_quantity * l.unit_price) FROM order_lines l WHERE l.fulfilment_id = g.id)), 0)::bigint AS amount
    FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
   WHERE g.type = 'pickup' AND g.status = 'COLLECTED' AND g.store_id = $1 AND g.collected_at >= $2 AND g.collected_at < $3
     AND o.placed_at_store_id IS DISTINCT FROM $1 GROUP BY o.currency ORDER BY o.currency`;

const SHIPPED_FROM_HERE = `
  SELECT o.currency, count(*)::int AS count, COALESCE(SUM((SELECT SUM((l.quantity - l.cancelled_quantity) * l.unit_price) FROM order_lines l WHERE l.fulfilment_id = g.id)), 0)::bigint AS amount
    FROM fulfilment_groups g JOIN orders o ON o.id = g.order_id
   WHERE g.type = 'delivery' AND g.shipped_at IS NOT NULL AND g.store_id = $1 AND g.shipped_at >= $2 AND g.shipped_at < $3
     AND o.placed_at_store_id IS DISTINCT FROM $1 GROUP BY o.currency ORDER BY o.currency`;

/** Returns or exchanges ($4) a store finished for orders begun elsewhere, valued at the units taken back. */
const TAKEN_BACK_HERE = `
  SELECT currency, count(*)::int AS count, COALESCE(SUM(returned_value), 0)::bigint AS amount FROM returns_taken_back
   WHERE store_id = $1 AND completed_at >= $2 AND completed_at < $3 AND kind = $4 AND order_placed_at_store_id IS DISTINCT FROM $1
   GROUP BY currency ORDER BY currency`;

/**
 * Channel credit (journey 5): what a store did for orders that began somewhere else, and what it
 * sold for others to fulfil, over [from, to).
 */
export const channelCreditRepository = {
  async of(m: EntityManager, storeId: string, from: Date, to: Date): Promise<ChannelCredit> {
    const q = async (sql: string, extra: unknown[] = []): Promise<CreditLine[]> => {
      const rows: { currency: string; count: number; amount: string | number }[] = await m.query(sql, [storeId, from, to, ...extra]);
      return rows.map((r) => ({ currency: r.currency, count: Number(r.count), amount: Number(r.amount) }));
    };
    const [soldHere, collectedHere, shippedFromHere, exchangedHere, takenBackHere] = await Promise.all([
      q(SOLD_HERE),
      q(COLLECTED_HERE),
      q(SHIPPED_FROM_HERE),
      q(TAKEN_BACK_HERE, ['exchange']),
      q(TAKEN_BACK_HERE, ['return']),
    ]);
    return { soldHere, collectedHere, shippedFromHere, exchangedHere, takenBackHere };
  },
};
