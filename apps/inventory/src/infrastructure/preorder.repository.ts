import { EntityManager } from 'typeorm';
import { QueueEntry, QueueStatus } from '../domain/preorder-queue';
import { PreorderRepository, StoredEntry, Supply } from '../application/ports/preorder.port';

interface EntryRow {
  line_id: string;
  order_id: string;
  fulfilment_id: string;
  sku: string;
  store_id: string;
  quantity: number;
  allocated: number;
  sequence: number;
  placed_at: Date;
  status: QueueStatus;
  position: number | null;
  estimated_at: Date | null;
}

const toEntry = (r: EntryRow): StoredEntry => ({
  lineId: r.line_id,
  orderId: r.order_id,
  fulfilmentId: r.fulfilment_id,
  sku: r.sku,
  storeId: r.store_id,
  quantity: r.quantity,
  allocated: r.allocated,
  sequence: r.sequence,
  placedAt: r.placed_at,
  status: r.status,
  position: r.position,
  estimatedAt: r.estimated_at,
});

interface SupplyRow {
  id: string;
  sku: string;
  location_id: string;
  quantity: number;
  expected_at: Date;
  reference: string;
  status: Supply['status'];
  received_quantity: number;
}

const toSupply = (r: SupplyRow): Supply => ({
  id: r.id,
  sku: r.sku,
  locationId: r.location_id,
  quantity: r.quantity,
  expectedAt: r.expected_at,
  reference: r.reference,
  status: r.status,
  receivedQuantity: r.received_quantity,
});

export const preorderRepository = {
  /** Adds a preorder line to its queue; false when it is there already (a redelivered order.placed). */
  async enqueue(m: EntityManager, e: QueueEntry, now: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO preorder_queue (line_id, order_id, fulfilment_id, sku, store_id, quantity, sequence, placed_at, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'WAITING', $9) ON CONFLICT (line_id) DO NOTHING RETURNING line_id`,
      [e.lineId, e.orderId, e.fulfilmentId, e.sku, e.storeId, e.quantity, e.sequence, e.placedAt, now],
    );
    return rows.length === 1;
  },

  /**
   * Every queue of a SKU, locked: one allocation or estimate of a SKU at a time (FOR UPDATE on the
   * SKU's entries; an advisory lock covers a SKU without entries yet).
   */
  async lockSku(m: EntityManager, sku: string): Promise<StoredEntry[]> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('preorder-queue:' || $1))`, [sku]);
    const rows: EntryRow[] = await m.query(`SELECT * FROM preorder_queue WHERE sku = $1 AND status <> 'CANCELLED' ORDER BY store_id, sequence FOR UPDATE`, [
      sku,
    ]);
    return rows.map(toEntry);
  },

  async ofLines(m: EntityManager, lineIds: readonly string[]): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await m.query(`SELECT * FROM preorder_queue WHERE line_id = ANY($1) ORDER BY line_id`, [[...lineIds]]);
    return rows.map(toEntry);
  },

  async ofOrder(m: EntityManager, orderId: string): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await m.query(`SELECT * FROM preorder_queue WHERE order_id = $1 ORDER BY line_id`, [orderId]);
    return rows.map(toEntry);
  },

  async queueOf(m: EntityManager, storeId: string, sku: string): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await m.query(`SELECT * FROM preorder_queue WHERE store_id = $1 AND sku = $2 ORDER BY sequence`, [storeId, sku]);
    return rows.map(toEntry);
  },

  async setStatus(m: EntityManager, lineIds: readonly string[], status: QueueStatus, now: Date): Promise<void> {
    if (lineIds.length === 0) return;
    await m.query(
      `UPDATE preorder_queue SET status = $2, updated_at = $3, allocated_at = CASE WHEN $2 = 'ALLOCATED' THEN $3 ELSE allocated_at END,
              allocated = CASE WHEN $2 = 'ALLOCATED' THEN quantity ELSE allocated END,
              position = CASE WHEN $2 = 'WAITING' THEN position ELSE NULL END, estimated_at = CASE WHEN $2 = 'WAITING' THEN estimated_at ELSE NULL END
        WHERE line_id = ANY($1)`,
      [[...lineIds], status, now],
    );
  },

  /**
   * Transfers still bringing units to a preorder line (requested or shipped, not received), with
   * where they come from. Call with the line's SKU locked.
   */
  async travellingTo(m: EntityManager, lineId: string): Promise<{ transferId: string; fromLocationId: string }[]> {
    const rows: { transfer_id: string; from_location_id: string }[] = await m.query(
      `SELECT DISTINCT r.transfer_id, t.from_location_id FROM reservations r JOIN transfers t ON t.id = r.transfer_id
        WHERE r.line_id = $1 AND r.status IN ('ACTIVE', 'IN_TRANSIT') ORDER BY r.transfer_id`,
      [lineId],
    );
    return rows.map((r) => ({ transferId: r.transfer_id, fromLocationId: r.from_location_id }));
  },

  /** Units a waiting line got now (at its location, or on their way there), short of all it asked for: it keeps its place. */
  async addAllocated(m: EntityManager, lineId: string, units: number, now: Date): Promise<void> {
    await m.query(`UPDATE preorder_queue SET allocated = allocated + $2, updated_at = $3 WHERE line_id = $1`, [lineId, units, now]);
  },

  async saveEstimate(m: EntityManager, lineId: string, position: number, estimatedAt: Date | null, now: Date): Promise<void> {
    await m.query(`UPDATE preorder_queue SET position = $2, estimated_at = $3, updated_at = $4 WHERE line_id = $1`, [lineId, position, estimatedAt, now]);
  },

  async insertSupply(m: EntityManager, s: Supply, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO supply (id, sku, location_id, quantity, expected_at, reference, status, received_quantity, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [s.id, s.sku, s.locationId, s.quantity, s.expectedAt, s.reference, s.status, s.receivedQuantity, now],
    );
  },

  async findSupplyForUpdate(m: EntityManager, id: string): Promise<Supply | null> {
    const rows: SupplyRow[] = await m.query(`SELECT * FROM supply WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toSupply(rows[0]) : null;
  },

  async findSupply(m: EntityManager, id: string): Promise<Supply | null> {
    const rows: SupplyRow[] = await m.query(`SELECT * FROM supply WHERE id = $1`, [id]);
    return rows[0] ? toSupply(rows[0]) : null;
  },

  async updateSupply(m: EntityManager, s: Supply, now: Date): Promise<void> {
    await m.query(`UPDATE supply SET expected_at = $2, status = $3, received_quantity = $4, updated_at = $5 WHERE id = $1`, [
      s.id,
      s.expectedAt,
      s.status,
      s.receivedQuantity,
      now,
    ]);
  },

  /** Supply of a SKU still expected, with where it goes and that location's kind and transfer days. */
  async expectedSupply(m: EntityManager, sku: string): Promise<(Supply & { kind: 'store' | 'warehouse'; transferDays: number })[]> {
    const rows: (SupplyRow & { kind: 'store' | 'warehouse'; transfer_days: number })[] = await m.query(
      `SELECT s.*, l.kind, l.transfer_days FROM supply s JOIN locations l ON l.id = s.location_id WHERE s.sku = $1 AND s.status = 'EXPECTED' ORDER BY s.expected_at, s.id`,
      [sku],
    );
    return rows.map((r) => ({ ...toSupply(r), kind: r.kind, transferDays: r.transfer_days }));
  },

  /** Units of a SKU available now, per location, with the location's kind and transfer days. */
  async availableNow(m: EntityManager, sku: string): Promise<{ locationId: string; kind: 'store' | 'warehouse'; transferDays: number; available: number }[]> {
    const rows: { location_id: string; kind: 'store' | 'warehouse'; transfer_days: number; available: number }[] = await m.query(
      `SELECT s.location_id, l.kind, l.transfer_days, GREATEST(0, s.on_hand - s.reserved - s.safety_stock)::int AS available
         FROM stock s JOIN locations l ON l.id = s.location_id WHERE s.sku = $1 AND s.on_hand - s.reserved - s.safety_stock > 0`,
      [sku],
    );
    return rows.map((r) => ({ locationId: r.location_id, kind: r.kind, transferDays: r.transfer_days, available: r.available }));
  },
} satisfies PreorderRepository;
