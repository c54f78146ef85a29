import { Injectable } from '@nestjs/common';
import { ReservationReleasedPayload, ReservationReleasedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { EntityManager } from 'typeorm';
import { Reservation } from '../domain/reservation.machine';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';
import { TransferRepository } from './ports/transfer.port';

/** Giving an order's units back, for the order's lifecycle and for the expiry sweeper alike. */
@Injectable()
export class Releases {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
    private readonly transfers: TransferRepository,
  ) {}

  /**
   * Releases an order's active reservations where they are and cancels its REQUESTED transfers →
   * one inventory.reservation-released. In-transit units (a shipped transfer) are released too: they
   * already left the source, so no stock changes there, and they arrive at the store unreserved.
   * The reservations must be locked by the caller; `onlyTheseReservations` when they are one group's.
   */
  async releaseOrder(
    m: EntityManager,
    orderId: string,
    active: readonly Reservation[],
    reason: ReservationReleasedPayload['reason'],
    now: Date,
    inTransit: readonly Reservation[] = [],
    onlyTheseReservations = false,
  ): Promise<void> {
    // A group's release cancels the transfers bringing its own lines; an order's, all of them.
    const mine = new Set(active.map((r) => r.transferId).filter((id): id is string => id !== null));
    const requested = (await this.transfers.ofOrderForUpdate(m, orderId, 'REQUESTED')).filter((t) => !onlyTheseReservations || mine.has(t.id));
    await this.transfers.setStatus(
      m,
      requested.map((t) => t.id),
      'CANCELLED',
      now,
    );
    if (active.length === 0 && inTransit.length === 0) return;
    for (const r of active) await this.stock.unreserve(m, r.locationId, r.sku, r.quantity);
    await this.reservations.setStatus(
      m,
      [...active, ...inTransit].map((r) => r.id),
      'RELEASED',
      now,
    );
    const destinations = new Map<string, string>();
    for (const r of inTransit) {
      const t = r.transferId ? await this.transfers.find(m, r.transferId) : null;
      destinations.set(r.id, t?.toLocationId ?? r.locationId);
    }
    const lines = [
      ...active.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity, locationId: r.locationId })),
      // in transit: available where they will arrive
      ...inTransit.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity, locationId: destinations.get(r.id)! })),
    ];
    await this.outbox.append(m, ReservationReleasedV1, { orderId, reason, lines, releasedAt: now.toISOString() }, now);
  }
}
