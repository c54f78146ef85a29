import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, InventoryRejectedV1, InventoryReservedV1, OrderPlacedPayload, ShortLinePayload } from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Location, pickupRefusal, readyBy } from '../domain/location';
import { expiresAt } from '../domain/reservation.machine';
import { SourcingLine } from '../domain/sourcing';
import { locationRepository } from '../infrastructure/location.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { InventoryConfig } from '../inventory.config';
import { Placement, recordPlacements, reserveAtSources } from './placement';

export type ReservationOutcome = { reserved: true } | { reserved: false; reason: string };

/**
 * Reserves every line of a placed order, at its store when the store has the units, else at a
 * source chosen by the sourcing rule with a transfer to the store — or nothing: all lines are
 * tried inside a savepoint, rolled back if any line cannot be placed anywhere. The inbox row,
 * the reservations, the transfers and the reply event commit together.
 */
@Injectable()
export class ReserveStockUseCase {
  private readonly logger = new Logger('ReserveStock');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(InventoryConfig) private readonly config: InventoryConfig,
  ) {}

  async onOrderPlaced(e: EventEnvelope<OrderPlacedPayload>): Promise<ReservationOutcome | null> {
    const { orderId } = e.data;
    const outcome = await this.inbox.once(e, (m) => this.reserve(m, e.data));
    if (!outcome.applied) {
      this.logger.log({ orderId, eventId: e.id }, 'order.placed already processed');
      return null;
    }
    return outcome.result;
  }

  private async reserve(m: EntityManager, order: OrderPlacedPayload): Promise<ReservationOutcome> {
    const now = this.clock.now();
    const store = await locationRepository.find(m, order.storeId);
    const refusal = pickupRefusal(store);
    if (refusal) {
      await this.outbox.append(m, InventoryRejectedV1, { orderId: order.orderId, locationId: order.storeId, reason: refusal, shortLines: [], rejectedAt: now.toISOString() }, now);
      return { reserved: false, reason: refusal };
    }
    const placements = await this.place(m, store!, order.lines);
    if (!placements.ok) {
      await this.outbox.append(
        m,
        InventoryRejectedV1,
        { orderId: order.orderId, locationId: order.storeId, reason: 'STOCK.INSUFFICIENT', shortLines: placements.shortLines, rejectedAt: now.toISOString() },
        now,
      );
      return { reserved: false, reason: 'STOCK.INSUFFICIENT' };
    }
    const recorded = await recordPlacements(m, order.orderId, store!, placements.placed, expiresAt(now, this.config.RESERVATION_TTL_MINUTES), now);
    const transfers = [...new Map(recorded.filter((r) => r.transfer).map((r) => [r.transfer!.id, r.transfer!])).values()];
    const byLine = new Map(recorded.map((r) => [r.line.lineId, r]));
    await this.outbox.append(
      m,
      InventoryReservedV1,
      {
        orderId: order.orderId,
        locationId: store!.id,
        lines: order.lines.map((l) => {
          const r = byLine.get(l.lineId)!;
          return { lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: r.locationId, transferId: r.transfer?.id ?? null };
        }),
        transfers: transfers.map((t) => ({ transferId: t.id, fromLocationId: t.fromLocationId, toLocationId: t.toLocationId, expectedArrivalAt: t.expectedArrivalAt.toISOString() })),
        readyBy: readyBy(store!, now, transfers.map((t) => t.expectedArrivalAt)).toISOString(),
        pickupHoldDays: store!.pickupHoldDays,
        reservedAt: now.toISOString(),
      },
      now,
    );
    return { reserved: true };
  }

  /** All lines or none: a savepoint undoes the lines already reserved when one cannot be placed. */
  private async place(m: EntityManager, store: Location, lines: readonly SourcingLine[]): Promise<{ ok: true; placed: Placement[] } | { ok: false; shortLines: ShortLinePayload[] }> {
    await m.query('SAVEPOINT reserve_lines');
    const placed: Placement[] = [];
    const elsewhere: SourcingLine[] = [];
    // A fixed lock order (by SKU) keeps two multi-line orders from deadlocking on each other's rows.
    for (const l of [...lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
      if (await stockRepository.tryReserve(m, store.id, l.sku, l.quantity)) placed.push({ line: l, locationId: store.id });
      else elsewhere.push(l);
    }
    const sourced = elsewhere.length > 0 ? await reserveAtSources(m, store, elsewhere) : { placed: [], unavailable: [] };
    if (sourced.unavailable.length > 0) {
      await m.query('ROLLBACK TO SAVEPOINT reserve_lines');
      const shortLines: ShortLinePayload[] = [];
      for (const l of sourced.unavailable) shortLines.push({ sku: l.sku, requested: l.quantity, available: await stockRepository.availableOf(m, store.id, l.sku) });
      return { ok: false, shortLines };
    }
    await m.query('RELEASE SAVEPOINT reserve_lines');
    return { ok: true, placed: [...placed, ...sourced.placed] };
  }
}
