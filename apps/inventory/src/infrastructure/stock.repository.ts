import { prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Location } from '../domain/location';
import { Candidate } from '../domain/sourcing';
import { stockKey } from '../domain/store-reservation';
import { StockLevel } from '../domain/stock';
import { StockRepository } from '../application/ports/stock.port';
import { LOCATION_COLUMNS, LocationRow, toLocation } from './location.repository';

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

/**
 * The reservation path's statements over several rows. Each (location, SKU) pair is probed by the
 * primary key: a join to the pairs, in a generic plan made while the table held a thousand rows,
 * scanned the whole table at every run. The update goes by the probed rows' ctid, locked so that
 * it is their current version (byKey in @omni/platform; docs/adr/0016-throughput/round-20.md).
 */
export const STOCK_LOCK_MANY = {
  name: 'stock-lock-many',
  text: `SELECT s.* FROM (SELECT location_id, sku FROM unnest($1::text[], $2::text[]) AS p(location_id, sku) ORDER BY 1, 2) AS p
         CROSS JOIN LATERAL (SELECT * FROM stock WHERE stock.location_id = p.location_id AND stock.sku = p.sku FOR UPDATE) AS s`,
};
export const STOCK_SET_RESERVED_MANY = {
  name: 'stock-set-reserved-many',
  text: `UPDATE stock s SET reserved = v.reserved, updated_at = $4
           FROM unnest($1::text[], $2::text[], $3::int[]) AS v(location_id, sku, reserved)
           CROSS JOIN LATERAL (SELECT ctid AS tid FROM stock WHERE stock.location_id = v.location_id AND stock.sku = v.sku FOR UPDATE) AS x
          WHERE s.ctid = x.tid`,
};

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

  /**
   * Locks the stock rows of these (location, SKU) pairs, in one statement and in (location, SKU)
   * order — the order every path that locks several rows takes — and answers their levels.
   * Pairs without a row answer nothing.
   */
  async lockMany(m: EntityManager, pairs: readonly (readonly [string, string])[]): Promise<StockLevel[]> {
    const unique = [...new Map(pairs.map(([l, s]) => [stockKey(l, s), [l, s] as const])).values()];
    if (unique.length === 0) return [];
    const { rows } = await prepared<StockRow>(m, STOCK_LOCK_MANY.name, STOCK_LOCK_MANY.text, [unique.map(([l]) => l), unique.map(([, s]) => s)]);
    return rows.map(toLevel);
  },

  /** Sets the reserved units of rows this transaction has locked (lockMany), in one statement. */
  async setReservedMany(m: EntityManager, levels: readonly StockLevel[], now: Date): Promise<void> {
    if (levels.length === 0) return;
    await prepared(m, STOCK_SET_RESERVED_MANY.name, STOCK_SET_RESERVED_MANY.text, [
      levels.map((l) => l.locationId),
      levels.map((l) => l.sku),
      levels.map((l) => l.reserved),
      now,
    ]);
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

  /** The most units of a SKU any one location could promise. */
  async bestAvailableOf(m: EntityManager, sku: string): Promise<number> {
    const rows: { available: number | null }[] = await m.query(
      `SELECT MAX(GREATEST(0, on_hand - reserved - safety_stock)) AS available FROM stock WHERE sku = $1`,
      [sku],
    );
    return rows[0]?.available ?? 0;
  },

  async setSafetyStock(m: EntityManager, locationId: string, sku: string, safetyStock: number): Promise<StockLevel> {
    const rows: StockRow[] = await m.query(
      `INSERT INTO stock (location_id, sku, safety_stock) VALUES ($1, $2, $3)
       ON CONFLICT (location_id, sku) DO UPDATE SET safety_stock = $3, updated_at = now() RETURNING *`,
      [locationId, sku, safetyStock],
    );
    return toLevel(rows[0]);
  },

  /**
   * Every location except `storeId` with its available units of `skus`, read without locks: a
   * snapshot for the sourcing rule; the reservation itself is the conditional UPDATE.
   */
  async candidates(m: EntityManager, storeId: string, skus: readonly string[]): Promise<Candidate[]> {
    const rows: {
      id: string;
      kind: 'store' | 'warehouse';
      transfer_days: number;
      latitude: number | null;
      longitude: number | null;
      sku: string | null;
      available: number | null;
    }[] = await m.query(
      `SELECT l.id, l.kind, l.transfer_days, l.latitude, l.longitude, s.sku, GREATEST(0, s.on_hand - s.reserved - s.safety_stock) AS available
         FROM locations l LEFT JOIN stock s ON s.location_id = l.id AND s.sku = ANY($2)
        WHERE l.id <> $1 ORDER BY l.id`,
      [storeId, [...skus]],
    );
    const byId = new Map<string, { location: Candidate['location']; available: Record<string, number> }>();
    for (const r of rows) {
      const c = byId.get(r.id) ?? {
        location: { id: r.id, kind: r.kind, transferDays: r.transfer_days, latitude: r.latitude, longitude: r.longitude },
        available: {},
      };
      if (r.sku !== null) c.available[r.sku] = r.available ?? 0;
      byId.set(r.id, c);
    }
    return [...byId.values()];
  },

  /**
   * Every location with its available units of `skus`, in one read without locks: what an
   * availability answer needs (the store itself, and the others as sourcing candidates).
   */
  async network(m: EntityManager, skus: readonly string[]): Promise<{ location: Location; available: Record<string, number> }[]> {
    const { rows } = await prepared<LocationRow & { sku: string | null; available: number | null }>(
      m,
      'stock-network',
      `SELECT ${LOCATION_COLUMNS.map((c) => `l.${c}`).join(', ')}, s.sku, GREATEST(0, s.on_hand - s.reserved - s.safety_stock) AS available
         FROM locations l LEFT JOIN stock s ON s.location_id = l.id AND s.sku = ANY($1::text[])
        ORDER BY l.id`,
      [[...skus]],
    );
    const byId = new Map<string, { location: Location; available: Record<string, number> }>();
    for (const r of rows) {
      const entry = byId.get(r.id) ?? { location: toLocation(r), available: {} };
      if (r.sku !== null) entry.available[r.sku] = r.available ?? 0;
      byId.set(r.id, entry);
    }
    return [...byId.values()];
  },

  /** Reserved units go back to available (a release). */
  async unreserve(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<void> {
    await m.query(`UPDATE stock SET reserved = reserved - $3, updated_at = now() WHERE location_id = $1 AND sku = $2`, [locationId, sku, quantity]);
  },

  /** Reserved units leave the location (collected, shipped away, or not found by a count); returns on hand after. */
  async removeReserved(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<number> {
    const rows: [{ on_hand: number }[], number] = await m.query(
      `UPDATE stock SET on_hand = on_hand - $3, reserved = reserved - $3, updated_at = now() WHERE location_id = $1 AND sku = $2 RETURNING on_hand`,
      [locationId, sku, quantity],
    );
    return rows[0][0].on_hand;
  },

  /** Units arrive at a location, reserved or not. */
  async addUnits(m: EntityManager, locationId: string, sku: string, quantity: number, reserved: boolean): Promise<void> {
    await m.query(
      `INSERT INTO stock (location_id, sku, on_hand, reserved) VALUES ($1, $2, $3, $4)
       ON CONFLICT (location_id, sku) DO UPDATE SET on_hand = stock.on_hand + $3, reserved = stock.reserved + $4, updated_at = now()`,
      [locationId, sku, quantity, reserved ? quantity : 0],
    );
  },
} satisfies StockRepository;
