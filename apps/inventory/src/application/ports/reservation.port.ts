import type { EntityManager } from 'typeorm';
import { Reservation, ReservationStatus } from '../../domain/reservation.machine';

/**
 * Reservations as the use cases and queries read and change them (implemented over SQL by
 * reservationRepository). Reads "for update" lock their rows in (location, SKU) order, so that
 * transactions touching the same stock rows afterwards queue instead of deadlocking.
 */
export abstract class ReservationRepository {
  abstract insert(m: EntityManager, r: Omit<Reservation, 'status'>, now: Date): Promise<void>;

  /** Many new ACTIVE reservations in one statement. */
  abstract insertMany(m: EntityManager, rs: readonly Omit<Reservation, 'status'>[], now: Date): Promise<void>;

  /** These orders are confirmed: none of their reservations expires any more. */
  abstract clearExpiryMany(m: EntityManager, orderIds: readonly string[], now: Date): Promise<void>;

  abstract activeOfOrderForUpdate(m: EntityManager, orderId: string): Promise<Reservation[]>;

  abstract inTransitOfOrderForUpdate(m: EntityManager, orderId: string): Promise<Reservation[]>;

  abstract ofTransferForUpdate(m: EntityManager, transferId: string): Promise<Reservation[]>;

  /**
   * Active reservations whose expiry has passed, locked; rows another transaction holds (a
   * confirmation, a second sweeper replica) are skipped rather than waited for.
   */
  abstract expiredForUpdate(m: EntityManager, now: Date, limit: number): Promise<Reservation[]>;

  abstract setStatus(m: EntityManager, ids: readonly string[], status: ReservationStatus, now: Date): Promise<void>;

  abstract setQuantity(m: EntityManager, id: string, quantity: number, now: Date): Promise<void>;

  /** The order is confirmed: none of its reservations expires any more; answers how many did. */
  abstract clearExpiry(m: EntityManager, orderId: string, now: Date): Promise<number>;

  abstract ofTransfer(m: EntityManager, transferId: string): Promise<Reservation[]>;

  abstract ofOrder(m: EntityManager, orderId: string): Promise<Reservation[]>;
}
