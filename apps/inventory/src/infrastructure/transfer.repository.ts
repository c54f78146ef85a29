import { EntityManager } from 'typeorm';
import { Transfer, TransferStatus } from '../domain/transfer.machine';
import { TransferRepository } from '../application/ports/transfer.port';

interface TransferRow {
  id: string;
  order_id: string;
  from_location_id: string;
  to_location_id: string;
  status: TransferStatus;
  expected_arrival_at: Date;
}

const toTransfer = (r: TransferRow): Transfer => ({
  id: r.id,
  orderId: r.order_id,
  fromLocationId: r.from_location_id,
  toLocationId: r.to_location_id,
  status: r.status,
  expectedArrivalAt: r.expected_arrival_at,
});

export const transferRepository = {
  async insert(m: EntityManager, t: Transfer, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO transfers (id, order_id, from_location_id, to_location_id, status, expected_arrival_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [t.id, t.orderId, t.fromLocationId, t.toLocationId, t.status, t.expectedArrivalAt, now],
    );
  },

  async find(m: EntityManager, id: string): Promise<Transfer | null> {
    const rows: TransferRow[] = await m.query(`SELECT * FROM transfers WHERE id = $1`, [id]);
    return rows[0] ? toTransfer(rows[0]) : null;
  },

  async findForUpdate(m: EntityManager, id: string): Promise<Transfer | null> {
    const rows: TransferRow[] = await m.query(`SELECT * FROM transfers WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toTransfer(rows[0]) : null;
  },

  async ofOrderForUpdate(m: EntityManager, orderId: string, status: TransferStatus): Promise<Transfer[]> {
    const rows: TransferRow[] = await m.query(`SELECT * FROM transfers WHERE order_id = $1 AND status = $2 ORDER BY id FOR UPDATE`, [orderId, status]);
    return rows.map(toTransfer);
  },

  async ofLocation(m: EntityManager, locationId: string, direction: 'inbound' | 'outbound'): Promise<Transfer[]> {
    const column = direction === 'inbound' ? 'to_location_id' : 'from_location_id';
    const rows: TransferRow[] = await m.query(`SELECT * FROM transfers WHERE ${column} = $1 ORDER BY created_at DESC, id LIMIT 500`, [locationId]);
    return rows.map(toTransfer);
  },

  /** Transfers still REQUESTED or SHIPPED after their expected arrival, the longest overdue first; of one location (from or to) when given. */
  async overdue(m: EntityManager, now: Date, locationId: string | null, limit: number): Promise<Transfer[]> {
    const rows: TransferRow[] = await m.query(
      `SELECT * FROM transfers WHERE status IN ('REQUESTED', 'SHIPPED') AND expected_arrival_at < $1
          AND ($2::text IS NULL OR from_location_id = $2 OR to_location_id = $2)
        ORDER BY expected_arrival_at, id LIMIT $3`,
      [now, locationId, limit],
    );
    return rows.map(toTransfer);
  },

  async overdueCounts(m: EntityManager, now: Date): Promise<{ status: TransferStatus; count: number }[]> {
    return m.query(
      `SELECT status, count(*)::int AS count FROM transfers WHERE status IN ('REQUESTED', 'SHIPPED') AND expected_arrival_at < $1 GROUP BY status ORDER BY status`,
      [now],
    );
  },

  async setStatus(m: EntityManager, ids: readonly string[], status: TransferStatus, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE transfers SET status = $2, updated_at = $3 WHERE id = ANY($1)`, [[...ids], status, now]);
  },
} satisfies TransferRepository;
