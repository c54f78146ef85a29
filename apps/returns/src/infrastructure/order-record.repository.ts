import { Channel, OrderPlacedV2Payload, TenderAmountPayload } from '@omni/contracts';
import { prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { LookupKey, OrderRecordRepository } from '../application/ports/order-record.port';
import { contactKeys, OrderLineRecord, OrderRecord, receiptOf } from '../domain/order-record';

interface OrderRow {
  order_id: string;
  receipt: string;
  channel: Channel;
  placed_at_store_id: string | null;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  loyalty_id: string | null;
  currency: string;
  tenders: TenderAmountPayload[];
  cancelled: boolean;
  placed_at: Date;
}

interface LineRow {
  order_id: string;
  line_id: string;
  sku: string;
  unit_price: number;
  quantity: number;
  cancelled: number;
  received: number;
  returned: number;
  received_at: Date | null;
}

const toLine = (r: LineRow): OrderLineRecord => ({
  lineId: r.line_id,
  sku: r.sku,
  unitPrice: r.unit_price,
  quantity: r.quantity,
  cancelled: r.cancelled,
  received: r.received,
  returned: r.returned,
  receivedAt: r.received_at,
});

const toOrder = (r: OrderRow, lines: LineRow[]): OrderRecord => ({
  orderId: r.order_id,
  receipt: r.receipt,
  channel: r.channel,
  placedAtStoreId: r.placed_at_store_id,
  customerId: r.customer_id,
  email: r.email,
  phone: r.phone,
  loyaltyId: r.loyalty_id,
  currency: r.currency,
  tenders: r.tenders,
  cancelled: r.cancelled,
  placedAt: r.placed_at,
  lines: lines.map(toLine),
});

const COLUMN: Record<LookupKey, string> = {
  orderId: 'order_id',
  receipt: 'receipt',
  email: 'email',
  phone: 'phone',
  loyaltyId: 'loyalty_id',
  customerId: 'customer_id',
};

/** The order read model: written by the order-event handlers, read by lookups and returns. */
export const orderRecordRepository = {
  /**
   * Records a run of placed orders in one statement: each once (an order already recorded, or
   * twice in the run, is left as it is), its lines with it, and no contact for an order whose
   * customer was erased before its order.placed arrived (erased_orders). Answers the orders recorded.
   */
  async insertPlacedMany(m: EntityManager, placed: readonly OrderPlacedV2Payload[], phoneCountry: string): Promise<Set<string>> {
    const seen = new Set<string>();
    const firsts = placed.filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
    if (firsts.length === 0) return new Set();
    const orders = firsts.map((o) => {
      const c = contactKeys(o.contact, phoneCountry);
      return {
        order_id: o.orderId,
        receipt: receiptOf(o.orderId),
        channel: o.channel,
        placed_at_store_id: o.placedAtStoreId,
        customer_id: o.customerId,
        email: c.email,
        phone: c.phone,
        loyalty_id: c.loyaltyId,
        currency: o.currency,
        tenders: o.capturedTenders,
        placed_at: o.placedAt,
      };
    });
    const lines = firsts.flatMap((o) => {
      const groupOf = new Map(o.fulfilments.flatMap((f) => f.lineIds.map((id) => [id, f.fulfilmentId] as const)));
      return o.lines.map((l) => ({
        order_id: o.orderId,
        line_id: l.lineId,
        fulfilment_id: groupOf.get(l.lineId) ?? null,
        sku: l.sku,
        unit_price: l.unitPrice,
        quantity: l.quantity,
      }));
    });
    const { rows } = await prepared<{ order_id: string }>(
      m,
      'orders-insert-placed-many',
      `WITH placed AS (
         SELECT p.*, e.order_id IS NOT NULL AS erased
         FROM jsonb_to_recordset($1::jsonb) AS p(order_id uuid, receipt text, channel text, placed_at_store_id text, customer_id text,
                                                  email text, phone text, loyalty_id text, currency text, tenders jsonb, placed_at timestamptz)
         LEFT JOIN erased_orders e ON e.order_id = p.order_id
       ), o AS (
         INSERT INTO orders (order_id, receipt, channel, placed_at_store_id, customer_id, email, phone, loyalty_id, currency, tenders, placed_at)
         SELECT order_id, receipt, channel, placed_at_store_id, customer_id,
                CASE WHEN erased THEN NULL ELSE email END, CASE WHEN erased THEN NULL ELSE phone END, CASE WHEN erased THEN NULL ELSE loyalty_id END,
                currency, tenders, placed_at
         FROM placed
         ON CONFLICT DO NOTHING RETURNING order_id
       ), l AS (
         INSERT INTO order_lines (order_id, line_id, fulfilment_id, sku, unit_price, quantity)
         SELECT l.order_id, l.line_id, l.fulfilment_id, l.sku, l.unit_price, l.quantity
         FROM jsonb_to_recordset($2::jsonb) AS l(order_id uuid, line_id uuid, fulfilment_id uuid, sku text, unit_price integer, quantity integer)
         JOIN o ON o.order_id = l.order_id
       )
       SELECT order_id FROM o`,
      [JSON.stringify(orders), JSON.stringify(lines)],
    );
    return new Set(rows.map((r) => r.order_id));
  },

  async exists(m: EntityManager, orderId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM orders WHERE order_id = $1`, [orderId])).length === 1;
  },

  /** Units handed over; never more than bought and not cancelled (the CHECK holds the line). */
  async addReceived(m: EntityManager, orderId: string, lineId: string, quantity: number, at: Date): Promise<boolean> {
    const [, n] = (await m.query(
      `UPDATE order_lines SET received = LEAST(quantity - cancelled, received + $3), received_at = GREATEST(received_at, $4)
        WHERE order_id = $1 AND line_id = $2`,
      [orderId, lineId, quantity, at],
    )) as [unknown, number];
    return n === 1;
  },

  async addCancelled(m: EntityManager, orderId: string, lineId: string, quantity: number): Promise<void> {
    await m.query(`UPDATE order_lines SET cancelled = LEAST(quantity - received, cancelled + $3) WHERE order_id = $1 AND line_id = $2`, [
      orderId,
      lineId,
      quantity,
    ]);
  },

  /** The whole order (or the listed lines) cancelled: every unit not handed over is cancelled. */
  async cancelRemaining(m: EntityManager, orderId: string, lineIds: readonly string[] | null): Promise<void> {
    if (lineIds === null) await m.query(`UPDATE orders SET cancelled = true WHERE order_id = $1`, [orderId]);
    await m.query(`UPDATE order_lines SET cancelled = quantity - received WHERE order_id = $1 AND ($2::uuid[] IS NULL OR line_id = ANY($2))`, [
      orderId,
      lineIds,
    ]);
  },

  async lineIdsOfGroup(m: EntityManager, orderId: string, fulfilmentId: string): Promise<string[]> {
    const rows: { line_id: string }[] = await m.query(`SELECT line_id FROM order_lines WHERE order_id = $1 AND fulfilment_id = $2`, [orderId, fulfilmentId]);
    return rows.map((r) => r.line_id);
  },

  async find(m: EntityManager, orderId: string, lock = false): Promise<OrderRecord | null> {
    const rows: OrderRow[] = await m.query(`SELECT * FROM orders WHERE order_id = $1`, [orderId]);
    if (rows.length === 0) return null;
    // Locking the lines serialises every return of one order (two stores at once): see returns.md.
    const lines: LineRow[] = await m.query(`SELECT * FROM order_lines WHERE order_id = $1 ORDER BY line_id ${lock ? 'FOR UPDATE' : ''}`, [orderId]);
    return toOrder(rows[0], lines);
  },

  async lookup(m: EntityManager, key: LookupKey, value: string): Promise<OrderRecord[]> {
    const rows: OrderRow[] = await m.query(`SELECT * FROM orders WHERE ${COLUMN[key]} = $1 ORDER BY placed_at DESC LIMIT 50`, [value]);
    if (rows.length === 0) return [];
    const lines: LineRow[] = await m.query(`SELECT * FROM order_lines WHERE order_id = ANY($1) ORDER BY line_id`, [rows.map((r) => r.order_id)]);
    return rows.map((r) =>
      toOrder(
        r,
        lines.filter((l) => l.order_id === r.order_id),
      ),
    );
  },

  async addReturned(m: EntityManager, orderId: string, lines: readonly { lineId: string; quantity: number }[], sign: 1 | -1): Promise<void> {
    for (const l of lines) {
      await m.query(`UPDATE order_lines SET returned = returned + $3 WHERE order_id = $1 AND line_id = $2`, [orderId, l.lineId, sign * l.quantity]);
    }
  },

  async recordShipment(
    m: EntityManager,
    s: { orderId: string; fulfilmentId: string; locationId: string; lines: { lineId: string; quantity: number }[]; shippedAt: string },
  ): Promise<void> {
    await m.query(`INSERT INTO shipments (order_id, fulfilment_id, location_id, lines, shipped_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
      s.orderId,
      s.fulfilmentId,
      s.locationId,
      JSON.stringify(s.lines),
      s.shippedAt,
    ]);
  },

  /** Marks a shipment delivered once; returns its lines, or null when unknown or already delivered. */
  async markDelivered(m: EntityManager, orderId: string, fulfilmentId: string, at: string): Promise<{ lineId: string; quantity: number }[] | null> {
    const rows: [{ lines: { lineId: string; quantity: number }[] }[], number] = await m.query(
      `UPDATE shipments SET delivered_at = $3 WHERE order_id = $1 AND fulfilment_id = $2 AND delivered_at IS NULL RETURNING lines`,
      [orderId, fulfilmentId, at],
    );
    return rows[0][0]?.lines ?? null;
  },

  async refundedByReference(m: EntityManager, orderId: string): Promise<Map<string, number>> {
    // Returns' refunds and the order service's (cancellations, failed deliveries) take from the same tenders.
    const rows: { reference: string; amount: number }[] = await m.query(
      `SELECT reference, sum(amount)::int AS amount
       FROM (SELECT reference, amount FROM refunds WHERE order_id = $1 UNION ALL SELECT reference, amount FROM order_refunds WHERE order_id = $1) AS taken
       GROUP BY reference`,
      [orderId],
    );
    return new Map(rows.map((r) => [r.reference, r.amount]));
  },
} satisfies OrderRecordRepository;
