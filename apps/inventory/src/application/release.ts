import { ReservationReleasedPayload, ReservationReleasedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { EntityManager } from 'typeorm';
import { Reservation, reservationRepository } from '../infrastructure/reservation.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { transferRepository } from '../infrastructure/transfer.repository';

/**
 * Releases an order's active reservations where they are and cancels its REQUESTED transfers →
 * one inventory.reservation-released. In-transit units (a shipped transfer) are released too: they
 * already left the source, so no stock changes there, and they arrive at the store unreserved.
 * The reservations must be locked by the caller; `onlyTheseReservations` when they are one group's.
 */
export async function releaseOrder(
  m: EntityManager,
  outbox: OutboxWriter,
  orderId: string,
  active: readonly Reservation[],
  reason: ReservationReleasedPayload['reason'],
  now: Date,
  inTransit: readonly Reservation[] = [],
  onlyTheseReservations = false,
): Promise<void> {
  // A group's release cancels the transfers bringing its own lines; an order's, all of them.
  const mine = new Set(active.map((r) => r.transferId).filter((id): id is string => id !== null));
  const requested = (await transferRepository.ofOrderForUpdate(m, orderId, 'REQUESTED')).filter((t) => !onlyTheseReservations || mine.has(t.id));
  await transferRepository.setStatus(m, requested.map((t) => t.id), 'CANCELLED', now);
  if (active.length === 0 && inTransit.length === 0) return;
  for (const r of active) await stockRepository.unreserve(m, r.locationId, r.sku, r.quantity);
  await reservationRepository.setStatus(m, [...active, ...inTransit].map((r) => r.id), 'RELEASED', now);
  const destinations = new Map<string, string>();
  for (const r of inTransit) {
    const t = r.transferId ? await transferRepository.find(m, r.transferId) : null;
    destinations.set(r.id, t?.toLocationId ?? r.locationId);
  }
  const lines = [
    ...active.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity, locationId: r.locationId })),
    // in transit: available where they will arrive
    ...inTransit.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity, locationId: destinations.get(r.id)! })),
  ];
  await outbox.append(m, ReservationReleasedV1, { orderId, reason, lines, releasedAt: now.toISOString() }, now);
}
