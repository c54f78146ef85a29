import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  ReplacementIssuedV1,
  ReplacementRefusedV1,
  ReturnCompletedPayload,
  ReturnExchangeRequestedPayload,
  ReturnRestockedV1,
} from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { LocationRepository } from './ports/location.port';
import { ReturnedStockRepository } from './ports/returned-stock.port';
import { StockRepository } from './ports/stock.port';

/**
 * Inventory's side of returns (docs/returns.md): the replacement of an exchange leaves the
 * receiving store's shelves at once (all lines or none), and returned units are restocked at the
 * store that received them by disposition. Each event applies once (inbox).
 */
@Injectable()
export class ReturnsUseCase {
  private readonly logger = new Logger('Returns');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly returnedStock: ReturnedStockRepository,
  ) {}

  async issueReplacement(e: EventEnvelope<ReturnExchangeRequestedPayload>): Promise<void> {
    await this.once(e, async (m) => {
      const { returnId, orderId, storeId, replacements } = e.data;
      const now = this.clock.now();
      if (!(await this.locations.exists(m, storeId))) {
        await this.outbox.append(
          m,
          ReplacementRefusedV1,
          { returnId, orderId, locationId: storeId, reason: 'LOCATION.UNKNOWN', shortLines: [], refusedAt: now.toISOString() },
          now,
        );
        return;
      }
      const lines = [...replacements].sort((a, b) => a.sku.localeCompare(b.sku));
      await m.query('SAVEPOINT replacement');
      for (const l of lines) {
        if (await this.returnedStock.tryIssue(m, storeId, l.sku, l.quantity)) continue;
        await m.query('ROLLBACK TO SAVEPOINT replacement');
        const shortLines = [];
        for (const x of lines) {
          const available = await this.stock.availableOf(m, storeId, x.sku);
          if (available < x.quantity) shortLines.push({ sku: x.sku, requested: x.quantity, available });
        }
        await this.outbox.append(
          m,
          ReplacementRefusedV1,
          { returnId, orderId, locationId: storeId, reason: 'STOCK.INSUFFICIENT', shortLines, refusedAt: now.toISOString() },
          now,
        );
        return;
      }
      await m.query('RELEASE SAVEPOINT replacement');
      await this.outbox.append(m, ReplacementIssuedV1, { returnId, orderId, locationId: storeId, lines, issuedAt: now.toISOString() }, now);
    });
  }

  /** Sellable units go back on hand where they came back; the others into their non-sellable bucket. */
  async restock(e: EventEnvelope<ReturnCompletedPayload>): Promise<void> {
    await this.once(e, async (m) => {
      const { returnId, orderId, storeId } = e.data;
      const now = this.clock.now();
      const lines = e.data.lines.map(({ sku, quantity, disposition }) => ({ sku, quantity, disposition }));
      for (const l of lines) {
        if (l.disposition === 'sellable') await this.stock.addUnits(m, storeId, l.sku, l.quantity, false);
        else await this.returnedStock.add(m, storeId, l.sku, l.disposition, l.quantity);
      }
      await this.outbox.append(m, ReturnRestockedV1, { returnId, orderId, locationId: storeId, lines, restockedAt: now.toISOString() }, now);
    });
  }

  private async once(e: EventEnvelope, work: (m: EntityManager) => Promise<void>): Promise<void> {
    const outcome = await this.inbox.once(e, work);
    if (!outcome.applied) this.logger.log({ eventId: e.id, type: e.type }, 'event already processed');
  }
}
