import { Injectable, Logger } from '@nestjs/common';
import { PendingEvent } from '@omni/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Order, withFulfilment } from '../domain/order';
import { releasePreorder, reschedule } from '../domain/preorder.machine';
import { DueGroups, DueWork } from './due-groups';
import { OrderWriter } from './order-writer';
import { OrderRepository } from './ports/order.port';
import { PickupCodeGenerator } from './ports/pickup-code.port';
import { PreorderProduct, PreorderRepository } from './ports/preorder.port';

/**
 * Preorder products and the release date (docs/preorders.md): defining what can be preordered,
 * moving a release date (every open preorder of the product gets its new date, and a notice when
 * it is later), and releasing allocated preorders when their date comes.
 */
@Injectable()
export class PreordersUseCase {
  private readonly logger = new Logger('Preorders');

  private readonly release: DueWork = {
    done: 'preorder released: ready for pickup, or reserved for picking where it ships from',
    next: async (m, now) => {
      const due = await this.preorders.lockNextReleased(m, now);
      if (!due) return null;
      const order = await this.orders.findForUpdate(m, due.orderId);
      return order ? { order, fulfilmentId: due.fulfilmentId } : null;
    },
    decide: (f, ctx) => releasePreorder(f, this.pickupCodes.newPickupCode(), ctx),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
    private readonly due: DueGroups,
    private readonly orders: OrderRepository,
    private readonly preorders: PreorderRepository,
    private readonly pickupCodes: PickupCodeGenerator,
  ) {}

  /** Creates or changes a product; a new release date reaches every open preorder of it in the same transaction. */
  save(product: PreorderProduct): Promise<{ product: PreorderProduct; rescheduled: number }> {
    return this.dataSource.transaction(async (m) => {
      const now = this.writer.now();
      const before = await this.preorders.findForUpdate(m, product.sku);
      await this.preorders.save(m, product, now);
      if (!before || before.releaseAt.getTime() === product.releaseAt.getTime()) return { product, rescheduled: 0 };
      let rescheduled = 0;
      for (const orderId of await this.preorders.openOrdersOf(m, product.sku)) {
        const order = await this.orders.findForUpdate(m, orderId);
        if (!order) continue;
        const ctx = await this.writer.context(m, order, now);
        let next: Order = order;
        const events: PendingEvent[] = [];
        for (const f of order.fulfilments.filter((g) => g.releaseAt && g.lines.some((l) => l.sku === product.sku))) {
          // A group of several products is released when the last of them is.
          const releaseAt = await this.releaseOf(
            m,
            f.lines.map((l) => l.sku),
            product,
          );
          const d = reschedule(f, { releaseAt }, ctx);
          if (!d.ok) continue;
          next = withFulfilment(next, d.state, ctx.now);
          events.push(...d.events);
        }
        if (events.length === 0) continue;
        await this.writer.save(m, next, events, ctx.now);
        rescheduled++;
      }
      this.logger.log({ sku: product.sku, releaseAt: product.releaseAt.toISOString(), rescheduled }, 'release date changed');
      return { product, rescheduled };
    });
  }

  /** Releases up to `limit` allocated preorders whose date has passed, one transaction each; returns how many. */
  releaseDue(limit: number): Promise<number> {
    return this.due.handle(this.release, limit);
  }

  private async releaseOf(m: EntityManager, skus: readonly string[], changed: PreorderProduct): Promise<Date> {
    let latest = changed.releaseAt;
    for (const sku of new Set(skus)) {
      if (sku === changed.sku) continue;
      const p = await this.preorders.find(m, sku);
      if (p && p.releaseAt.getTime() > latest.getTime()) latest = p.releaseAt;
    }
    return latest;
  }
}
