import { connectionOptions } from '@omni/platform';
import { migratedDatabase, sql } from '@omni/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { StockLevel } from '../src/domain/stock';
import { CLEAR_EXPIRY_MANY, reservationRepository } from '../src/infrastructure/reservation.repository';
import { STOCK_LOCK_MANY, STOCK_SET_RESERVED_MANY, stockRepository } from '../src/infrastructure/stock.repository';
import { INVENTORY_MIGRATIONS } from '../src/inventory.module';

const ORDER_A = '00000000-0000-4000-8000-00000000000a';
const ORDER_B = '00000000-0000-4000-8000-00000000000b';
const NOW = new Date('2026-12-07T10:00:00.000Z');
const LATER = new Date('2026-12-07T10:15:00.000Z');

/**
 * The reservation path's statements over several rows (stock locked and set, reservations' expiry
 * cleared) against the inventory service's real tables: what they change, and that their plans
 * probe by key whatever size the tables had when the plans were made.
 */
describe('reservation path statements', () => {
  let db: string;
  let source: DataSource;

  beforeAll(async () => {
    ({ url: db, dataSource: source } = await migratedDatabase('inventory', { migrations: INVENTORY_MIGRATIONS }));
  });
  afterAll(() => source?.destroy());
  beforeEach(() => source.query('TRUNCATE stock, reservations CASCADE'));

  /** `n` stock rows of SKU-<from>, SKU-<from + 1>, … spread over L0..L9, 100 on hand each. */
  const stock = (n: number, from = 1) =>
    sql(db, `INSERT INTO stock (location_id, sku, on_hand) SELECT 'L' || (i % 10), 'SKU-' || i, 100 FROM generate_series($1::int, $2::int) i`, [
      from,
      from + n - 1,
    ]);
  /** `n` reservations of new orders, each expiring. */
  const reservations = (n: number) =>
    sql(
      db,
      `INSERT INTO reservations (id, order_id, line_id, location_id, sku, quantity, status, expires_at, created_at, updated_at)
       SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'L1', 'SKU-1', 1, 'ACTIVE', $2, $2, $2 FROM generate_series(1, $1)`,
      [n, LATER],
    );
  const reserve = (orderId: string, lineId: string, expiresAt: Date | null) =>
    sql(
      db,
      `INSERT INTO reservations (id, order_id, line_id, location_id, sku, quantity, status, expires_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'L1', 'SKU-1', 1, 'ACTIVE', $3, $4, $4)`,
      [orderId, lineId, expiresAt, NOW],
    );

  it('locks the stock rows of the pairs asked, once each, in (location, SKU) order, and sets what it is told', async () => {
    await stock(30);
    const changed = await source.transaction(async (m) => {
      const locked = await stockRepository.lockMany(m, [
        ['L3', 'SKU-3'],
        ['L1', 'SKU-21'],
        ['L3', 'SKU-3'],
        ['L1', 'SKU-1'],
        ['L9', 'SKU-999'],
      ]);
      expect(locked.map((l) => [l.locationId, l.sku])).toEqual([
        ['L1', 'SKU-1'],
        ['L1', 'SKU-21'],
        ['L3', 'SKU-3'],
      ]);
      const levels: StockLevel[] = locked.map((l, i) => ({ ...l, reserved: i + 4 }));
      await stockRepository.setReservedMany(m, levels, LATER);
      return levels;
    });

    const rows = await sql<{ location_id: string; sku: string; reserved: number; updated_at: Date }>(
      db,
      `SELECT location_id, sku, reserved, updated_at FROM stock WHERE reserved > 0 ORDER BY location_id, sku`,
    );
    expect(rows.map((r) => [r.location_id, r.sku, r.reserved, r.updated_at.toISOString()])).toEqual(
      changed.map((l) => [l.locationId, l.sku, l.reserved, LATER.toISOString()]),
    );
  });

  it("clears the expiry of the orders' reservations only, and leaves those without one as they were", async () => {
    await reservations(20);
    await reserve(ORDER_A, '00000000-0000-4000-8000-0000000000a1', LATER);
    await reserve(ORDER_A, '00000000-0000-4000-8000-0000000000a2', LATER);
    await reserve(ORDER_B, '00000000-0000-4000-8000-0000000000b1', null);

    await source.transaction((m) => reservationRepository.clearExpiryMany(m, [ORDER_B, ORDER_A, ORDER_A], LATER));

    const rows = await sql<{ order_id: string; expires_at: Date | null; updated_at: Date }>(
      db,
      `SELECT order_id, expires_at, updated_at FROM reservations WHERE order_id = ANY($1::uuid[]) ORDER BY line_id`,
      [[ORDER_A, ORDER_B]],
    );
    expect(rows.map((r) => [r.order_id, r.expires_at, r.updated_at.toISOString()])).toEqual([
      [ORDER_A, null, LATER.toISOString()],
      [ORDER_A, null, LATER.toISOString()],
      [ORDER_B, null, NOW.toISOString()],
    ]);
    const [{ n }] = await sql<{ n: number }>(db, `SELECT count(*)::int AS n FROM reservations WHERE expires_at IS NOT NULL`);
    expect(n).toBe(20);
  });

  it('probes stock and reservations by key with plans made while the tables were small, once they have grown', async () => {
    // A named statement's plan is made generic and kept until the next ANALYZE (byKey in
    // @omni/platform): made with 1,000 rows in each table, it must still probe by key at 21,000.
    await stock(1_000);
    await reservations(1_000);
    await source.query('ANALYZE stock, reservations');
    for (const table of ['stock', 'reservations']) await source.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    // Connected as the services connect: named statements keep their generic plan.
    const session = new Client({ connectionString: db, options: connectionOptions('') });
    await session.connect();
    const statements = [
      { ...STOCK_LOCK_MANY, types: 'text[], text[]', args: `'{L1}', '{SKU-1}'` },
      { ...STOCK_SET_RESERVED_MANY, types: 'text[], text[], int[], timestamptz', args: `'{L1}', '{SKU-1}', '{1}', now()` },
      { ...CLEAR_EXPIRY_MANY, types: 'uuid[], timestamptz', args: `'{${ORDER_A}}', now()` },
    ];
    try {
      expect((await session.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe('force_generic_plan');
      await session.query('BEGIN');
      for (const s of statements) {
        await session.query(`PREPARE "${s.name}"(${s.types}) AS ${s.text}`);
        await session.query(`EXECUTE "${s.name}"(${s.args})`);
      }
      await session.query('COMMIT');
      await stock(20_000, 1_001);
      await reservations(20_000);

      for (const s of statements) {
        const plan = (await session.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE "${s.name}"(${s.args})`)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index Scan/);
        expect(plan).not.toMatch(/Seq Scan on (stock|reservations)\b/);
      }
    } finally {
      await session.end();
    }
  });
});
