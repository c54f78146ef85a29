import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, LineQuantity, OrderShortPickedPayload, ResourcedLinePayload, ShortPickResolvedV1, StockAdjustedV1 } from '@omni/contracts';
import { InboxProcessor, OutboxWriter, PermanentEventError } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { shrinkBy } from '../domain/reservation.machine';
import { Placements } from './placement';
import { LocationRepository } from './ports/location.port';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';

/**
 * The store did not find some reserved units. Its count is corrected (on hand and reserved go
 * down), the store reservation shrinks, and the missing units are re-sourced by the rule with a
 * transfer, or reported unavailable — all in one inventory.short-pick-resolved.
 */
@Injectable()
export class ResolveShortPickUseCase {
  private readonly logger = new Logger('ResolveShortPick');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly placements: Placements,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  async onShortPicked(e: EventEnvelope<OrderShortPickedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, (m) => this.resolve(m, e.data));
    if (!outcome.applied) this.logger.log({ orderId: e.data.orderId, eventId: e.id }, 'order.short-picked already processed');
  }

  private async resolve(m: EntityManager, p: OrderShortPickedPayload): Promise<void> {
    const now = this.clock.now();
    const store = await this.locations.find(m, p.storeId);
    if (!store) throw new PermanentEventError('LOCATION.UNKNOWN', `short pick at unknown store ${p.storeId}`);
    const active = (await this.reservations.activeOfOrderForUpdate(m, p.orderId)).filter((r) => r.locationId === p.storeId);
    for (const line of [...p.lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
      const r = active.find((x) => x.lineId === line.lineId);
      if (!r) throw new PermanentEventError('RESERVATION.NOT_FOUND', `no active reservation at ${p.storeId} for line ${line.lineId}`);
      // The shelf had fewer units than the books: a count correction of what was missing.
      const missing = Math.min(line.missingQuantity, r.quantity);
      const onHand = await this.stock.removeReserved(m, p.storeId, line.sku, missing);
      const shrunk = shrinkBy(r.quantity, missing);
      if (shrunk.status === 'ACTIVE') await this.reservations.setQuantity(m, r.id, shrunk.quantity, now);
      else await this.reservations.setStatus(m, [r.id], 'RELEASED', now);
      await this.outbox.append(
        m,
        StockAdjustedV1,
        { locationId: p.storeId, sku: line.sku, delta: -missing, onHand, reason: 'count', adjustedAt: now.toISOString() },
        now,
      );
    }
    const wanted = p.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.missingQuantity }));
    const sourced = await this.placements.reserveAtSources(m, store, wanted);
    // The order is confirmed by now (it was being picked): re-sourced units do not expire.
    const recorded = await this.placements.recordPlacements(m, p.orderId, store, sourced.placed, null, now);
    const resourced: ResourcedLinePayload[] = recorded.map((r) => ({
      lineId: r.line.lineId,
      sku: r.line.sku,
      quantity: r.line.quantity,
      fromLocationId: r.locationId,
      transferId: r.transfer!.id,
      expectedArrivalAt: r.transfer!.expectedArrivalAt.toISOString(),
    }));
    const unavailable: LineQuantity[] = sourced.unavailable.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity }));
    await this.outbox.append(m, ShortPickResolvedV1, { orderId: p.orderId, storeId: p.storeId, resourced, unavailable, resolvedAt: now.toISOString() }, now);
  }
}
