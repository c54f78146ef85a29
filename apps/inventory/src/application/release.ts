import { ReservationReleasedPayload, ReservationReleasedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { EntityManager } from 'typeorm';
import { Reservation, reservationRepository } from '../infrastructure/reservation.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { transferRepository } from '../infrastructure/transfer.repository';

/**
 * Releases an order's active reservations where they are and cancels its REQUESTED transfers (a
 * shipped one still arrives, unreserved) → one inventory.reservation-released. The reservations
 * must be locked by the caller.
 */
export async function releaseOrder(
  m: EntityManager,
  outbox: OutboxWriter,
  orderId: string,
  active: readonly Reservation[],
  reason: ReservationReleasedPayload['reason'],
  now: Date,
): Promise<void> {
  const requested = await transferRepository.ofOrderForUpdate(m, orderId, 'REQUESTED');
  await transferRepository.setStatus(m, requested.map((t) => t.id), 'CANCELLED', now);
  if (active.length === 0) return;
  for (const r of active) await stockRepository.unreserve(m, r.locationId, r.sku, r.quantity);
  await reservationRepository.setStatus(m, active.map((r) => r.id), 'RELEASED', now);
  await outbox.append(
    m,
    ReservationReleasedV1,
    { orderId, reason, lines: active.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity, locationId: r.locationId })), releasedAt: now.toISOString() },
    now,
  );
}
