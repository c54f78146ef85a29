import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { ReservationRepository } from './ports/reservation.port';
import { Releases } from './release';

const BATCH = 200;

/**
 * Releases reservations whose order was never confirmed in time. The deadline is in the
 * database; the clock only says what now is. Rows are claimed with SKIP LOCKED, so replicas (or
 * an order.confirmed being applied) never wait on each other.
 */
@Injectable()
export class ExpireReservationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reservations: ReservationRepository,
    private readonly releases: Releases,
  ) {}

  /** One batch; returns the orders whose reservations were released. */
  sweepOnce(): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const expired = await this.reservations.expiredForUpdate(m, now, BATCH);
      const byOrder = new Map<string, typeof expired>();
      for (const r of expired) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r]);
      for (const [orderId, rs] of byOrder) await this.releases.releaseOrder(m, orderId, rs, 'RESERVATION.EXPIRED', now);
      return [...byOrder.keys()];
    });
  }
}
