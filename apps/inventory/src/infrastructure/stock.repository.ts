import { EntityManager } from 'typeorm';
import { StockLevel } from '../domain/stock';

interface StockRow {
  location_id: string;
  sku: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
}

const toLevel = (r: StockRow): StockLevel => ({
  locationId: r.location_id,
  sku: r.sku,
  onHand: r.on_hand,
  reserved: r.reserved,
  safetyStock: r.safety_stock,
});

export interface ReservationLine {
  lineId: string;
  sku: string;
  quantity: number;
}

/** Stock and reservations in PostgreSQL. The reservation path is one conditional UPDATE per line. */
export const stockRepository = {
  async find(m: EntityManager, locationId: string, sku: string): Promise<StockLevel | null> {
    const rows: StockRow[] = await m.query(`SELECT * FROM stock WHERE location_id = $1 AND sku = $2`, [locationId, sku]);
    return rows[0] ? toLevel(rows[0]) : null;
  },

  /** Creates the row when missing, then locks it for the rest of the transaction. */
  async findForUpdate(m: EntityManager, locationId: string, sku: string): Promise<StockLevel> {
    await m.query(`INSERT INTO stock (location_id, sku) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [locationId, sku]);
    const rows: StockRow[] = await m.query(`SELECT * FROM stock WHERE location_id = $1 AND sku = $2 FOR UPDATE`, [locationId, sku]);
    return toLevel(rows[0]);
  },

  async saveOnHand(m: EntityManager, s: StockLevel): Promise<void> {
    await m.query(`UPDATE stock SET on_hand = $3, updated_at = now() WHERE location_id = $1 AND sku = $2`, [s.locationId, s.sku, s.onHand]);
  },

  /**
   * Reserves `quantity` units only if that many are available, in one statement: concurrent
   * reservations serialise on the row and none can take more than is there (never oversell).
   */
  async tryReserve(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE stock SET reserved = reserved + $3, updated_at = now()
        WHERE location_id = $1 AND sku = $2 AND on_hand - reserved - safety_stock >= $3`,
      [locationId, sku, quantity],
    )) as [unknown, number];
    return affected === 1;
  },

  async availableOf(m: EntityManager, locationId: string, sku: string): Promise<number> {
    const rows: { available: number }[] = await m.query(
      `SELECT GREATEST(0, on_hand - reserved - safety_stock) AS available FROM stock WHERE location_id = $1 AND sku = $2`,
      [locationId, sku],
    );
    return rows[0]?.available ?? 0;
  },

  async insertReservations(m: EntityManager, orderId: string, locationId: string, lines: readonly ReservationLine[], ids: readonly string[], now: Date): Promise<void> {
    for (const [i, l] of lines.entries()) {
      await m.query(
        `INSERT INTO reservations (id, order_id, line_id, location_id, sku, quantity, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7)`,
        [ids[i], orderId, l.lineId, locationId, l.sku, l.quantity, now],
      );
    }
  },

  async reservationsOf(m: EntityManager, orderId: string): Promise<{ sku: string; quantity: number; status: string; locationId: string }[]> {
    const rows: { sku: string; quantity: number; status: string; location_id: string }[] = await m.query(
      `SELECT sku, quantity, status, location_id FROM reservations WHERE order_id = $1 ORDER BY sku`,
      [orderId],
    );
    return rows.map((r) => ({ sku: r.sku, quantity: r.quantity, status: r.status, locationId: r.location_id }));
  },
};
