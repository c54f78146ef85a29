import { Injectable, Logger } from '@nestjs/common';
import { Decision, PendingEvent } from '@omni/contracts';
import { requestContext } from '@omni/platform';
import { DataSource } from 'typeorm';
import { onFulfilment } from '../domain/fulfilment';
import { Order, withFulfilment } from '../domain/order';
import { releasePreorder, reschedule } from '../domain/preorder.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { PreorderProduct, preorderRepository } from '../infrastructure/preorder.repository';
import { newPickupCode } from '../infrastructure/pickup-code.generator';
import { OrderWriter } from './order-writer';

/**
 * Preorder products and the release date (docs/preorders.md): defining what can be preordered,
 * moving a release date (every open preorder of the product gets its new date, and a notice when
 * it is later), and releasing allocated preorders when their date comes.
 */
@Injectable()
export class PreordersUseCase {
  private readonly logger = new Logger('Preorders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
  ) {}

  /** Creates or changes a product; a new release date reaches every open preorder of it in the same transaction. */
  save(product: PreorderProduct): Promise<{ product: PreorderProduct; rescheduled: number }> {
    return this.dataSource.transaction(async (m) => {
      const ctx = this.writer.context();
      const before = await preorderRepository.findForUpdate(m, product.sku);
      await preorderRepository.save(m, product, ctx.now);
      if (!before || before.releaseAt.getTime() === product.releaseAt.getTime()) return { product, rescheduled: 0 };
      let rescheduled = 0;
      for (const orderId of await preorderRepository.openOrdersOf(m, product.sku)) {
        const order = await orderRepository.findForUpdate(m, orderId);
        if (!order) continue;
        let next: Order = order;
        const events: PendingEvent[] = [];
        for (const f of order.fulfilments.filter((g) => g.releaseAt && g.lines.some((l) => l.sku === product.sku))) {
          // A group of several products is released when the last of them is.
          const releaseAt = await this.releaseOf(m, f.lines.map((l) => l.sku), product);
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
  async releaseDue(limit: number): Promise<number> {
    let released = 0;
    while (released < limit && (await this.releaseNext())) released++;
    return released;
  }

  private releaseNext(): Promise<boolean> {
    return requestContext.run(requestContext.currentOrNew(), () =>
      this.dataSource.transaction(async (m) => {
        const ctx = this.writer.context();
        const due = await preorderRepository.lockNextReleased(m, ctx.now);
        if (!due) return false;
        const order = await orderRepository.findForUpdate(m, due.orderId);
        if (!order) return false;
        const d: Decision<Order, string> = onFulfilment(order, due.fulfilmentId, (f) => releasePreorder(f, newPickupCode(), ctx), ctx.now);
        if (!d.ok) throw new Error(`preorder ${due.fulfilmentId} selected for release was refused: ${d.code}`);
        await this.writer.save(m, d.state, d.events, ctx.now);
        this.logger.log({ orderId: order.id, fulfilmentId: due.fulfilmentId }, 'preorder released: ready for pickup');
        return true;
      }),
    );
  }

  private async releaseOf(m: Parameters<typeof preorderRepository.find>[0], skus: readonly string[], changed: PreorderProduct): Promise<Date> {
    let latest = changed.releaseAt;
    for (const sku of new Set(skus)) {
      if (sku === changed.sku) continue;
      const p = await preorderRepository.find(m, sku);
      if (p && p.releaseAt.getTime() > latest.getTime()) latest = p.releaseAt;
    }
    return latest;
  }
}
