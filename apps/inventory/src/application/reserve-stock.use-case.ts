import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, InventoryRejectedV1, InventoryReservedV1, OrderPlacedPayload, ShortLinePayload } from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { randomUUID } from 'node:crypto';
import { stockRepository } from '../infrastructure/stock.repository';

export type ReservationOutcome = { reserved: true } | { reserved: false; shortLines: ShortLinePayload[] };

/**
 * Reserves every line of a placed order at its store, or nothing: all lines are tried inside a
 * savepoint, and if any is short the savepoint is rolled back and the order is rejected.
 * The inbox row, the reservations and the reply event commit together.
 */
@Injectable()
export class ReserveStockUseCase {
  private readonly logger = new Logger('ReserveStock');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
  ) {}

  async onOrderPlaced(e: EventEnvelope<OrderPlacedPayload>): Promise<ReservationOutcome | null> {
    const { orderId, storeId, lines } = e.data;
    // A fixed lock order (by SKU) keeps two multi-line orders from deadlocking on each other's rows.
    const sorted = [...lines].sort((a, b) => a.sku.localeCompare(b.sku));
    const outcome = await this.inbox.once(e, async (m): Promise<ReservationOutcome> => {
      const now = new Date();
      await m.query('SAVEPOINT reserve_lines');
      const short: ShortLinePayload[] = [];
      for (const l of sorted) {
        if (!(await stockRepository.tryReserve(m, storeId, l.sku, l.quantity))) {
          short.push({ sku: l.sku, requested: l.quantity, available: 0 });
        }
      }
      if (short.length > 0) {
        await m.query('ROLLBACK TO SAVEPOINT reserve_lines');
        for (const s of short) s.available = await stockRepository.availableOf(m, storeId, s.sku);
        await this.outbox.append(m, InventoryRejectedV1, {
          orderId,
          locationId: storeId,
          reason: 'STOCK.INSUFFICIENT',
          shortLines: short,
          rejectedAt: now.toISOString(),
        });
        return { reserved: false, shortLines: short };
      }
      await m.query('RELEASE SAVEPOINT reserve_lines');
      await stockRepository.insertReservations(m, orderId, storeId, sorted, sorted.map(() => randomUUID()), now);
      await this.outbox.append(m, InventoryReservedV1, {
        orderId,
        locationId: storeId,
        lines: sorted.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: storeId, transferId: null })),
        transfers: [],
        readyBy: now.toISOString(),
        pickupHoldDays: 3,
        reservedAt: now.toISOString(),
      });
      return { reserved: true };
    });
    if (!outcome.applied) {
      this.logger.log({ orderId, eventId: e.id }, 'order.placed already processed');
      return null;
    }
    return outcome.result;
  }
}
