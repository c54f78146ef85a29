import { byKey, prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Reservation, ReservationStatus } from '../domain/reservation.machine';
import { ReservationRepository } from '../application/ports/reservation.port';

interface ReservationRow {
  id: string;
  order_id: string;
  line_id: string;
  location_id: string;
  sku: string;
  quantity: number;
  status: ReservationStatus;
  transfer_id: string | null;
  expires_at: Date | null;
}

const toReservation = (r: ReservationRow): Reservation => ({
  id: r.id,
  orderId: r.order_id,
  lineId: r.line_id,
  locationId: r.location_id,
  sku: r.sku,
  quantity: r.quantity,
  status: r.status,
  transferId: r.transfer_id,
  expiresAt: r.expires_at,
});

// Rows are locked in a fixed order (location, SKU) so that transactions touching the same stock rows afterwards queue instead of deadlocking.
const LOCK_ORDER = `ORDER BY location_id, sku, id`;

/** Named statements whose plans must hold as the table grows (tested in reservation-statements.int-spec.ts). */
export const CLEAR_EXPIRY_MANY = {
  name: 'reservations-clear-expiry-many',
  text: `UPDATE reservations r SET expires_at = NULL, updated_at = $2
           FROM ${byKey('reservations', 'ctid AS tid', 'order_id', 'x', { lock: true, where: 'reservations.expires_at IS NOT NULL' })}
          WHERE r.ctid = x.tid`,
};

export const reservationRepository = {
  async insert(m: EntityManager, r: Omit<Reservation, 'status'>, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO reservations (id, order_id, line_id, location_id, sku, quantity, status, transfer_id, expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, $8, $9, $9)`,
      [r.id, r.orderId, r.lineId, r.locationId, r.sku, r.quantity, r.transferId, r.expiresAt, now],
    );
  },

  /** Many new ACTIVE reservations in one statement. */
  async insertMany(m: EntityManager, rs: readonly Omit<Reservation, 'status'>[], now: Date): Promise<void> {
    if (rs.length === 0) return;
    await prepared(
      m,
      'reservations-insert-many',
      `INSERT INTO reservations (id, order_id, line_id, location_id, sku, quantity, status, transfer_id, expires_at, created_at, updated_at)
       SELECT id, order_id, line_id, location_id, sku, quantity, 'ACTIVE', transfer_id, expires_at, $9, $9
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::uuid[], $8::timestamptz[])
           AS r(id, order_id, line_id, location_id, sku, quantity, transfer_id, expires_at)`,
      [
        rs.map((r) => r.id),
        rs.map((r) => r.orderId),
        rs.map((r) => r.lineId),
        rs.map((r) => r.locationId),
        rs.map((r) => r.sku),
        rs.map((r) => r.quantity),
        rs.map((r) => r.transferId),
        rs.map((r) => r.expiresAt),
        now,
      ],
    );
  },

  /**
   * These orders are confirmed: none of their reservations expires any more. Each order's rows are
   * probed by its id and updated by their ctid (byKey), so the plan stays right as the table grows.
   */
  async clearExpiryMany(m: EntityManager, orderIds: readonly string[], now: Date): Promise<void> {
    await prepared(m, CLEAR_EXPIRY_MANY.name, CLEAR_EXPIRY_MANY.text, [[...orderIds], now]);
  },

  async activeOfOrderForUpdate(m: EntityManager, orderId: string): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(`SELECT * FROM reservations WHERE order_id = $1 AND status = 'ACTIVE' ${LOCK_ORDER} FOR UPDATE`, [orderId]);
    return rows.map(toReservation);
  },

  async inTransitOfOrderForUpdate(m: EntityManager, orderId: string): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(`SELECT * FROM reservations WHERE order_id = $1 AND status = 'IN_TRANSIT' ${LOCK_ORDER} FOR UPDATE`, [
      orderId,
    ]);
    return rows.map(toReservation);
  },

  async ofTransferForUpdate(m: EntityManager, transferId: string): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(`SELECT * FROM reservations WHERE transfer_id = $1 ${LOCK_ORDER} FOR UPDATE`, [transferId]);
    return rows.map(toReservation);
  },

  /**
   * Active reservations whose expiry has passed, locked; rows another transaction holds (a
   * confirmation, a second sweeper replica) are skipped rather than waited for.
   */
  async expiredForUpdate(m: EntityManager, now: Date, limit: number): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(
      `SELECT * FROM reservations WHERE status = 'ACTIVE' AND expires_at <= $1 ${LOCK_ORDER} LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toReservation);
  },

  async setStatus(m: EntityManager, ids: readonly string[], status: ReservationStatus, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE reservations SET status = $2, updated_at = $3 WHERE id = ANY($1)`, [[...ids], status, now]);
  },

  async setQuantity(m: EntityManager, id: string, quantity: number, now: Date): Promise<void> {
    await m.query(`UPDATE reservations SET quantity = $2, updated_at = $3 WHERE id = $1`, [id, quantity, now]);
  },

  /** The order is confirmed: none of its reservations expires any more. */
  async clearExpiry(m: EntityManager, orderId: string, now: Date): Promise<number> {
    const [, affected] = (await m.query(`UPDATE reservations SET expires_at = NULL, updated_at = $2 WHERE order_id = $1 AND expires_at IS NOT NULL`, [
      orderId,
      now,
    ])) as [unknown, number];
    return affected;
  },

  async ofTransfer(m: EntityManager, transferId: string): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(`SELECT * FROM reservations WHERE transfer_id = $1 ${LOCK_ORDER}`, [transferId]);
    return rows.map(toReservation);
  },

  async ofOrder(m: EntityManager, orderId: string): Promise<Reservation[]> {
    const rows: ReservationRow[] = await m.query(`SELECT * FROM reservations WHERE order_id = $1 ORDER BY created_at, location_id, sku`, [orderId]);
    return rows.map(toReservation);
  },
} satisfies ReservationRepository;
