import { Injectable, Logger } from '@nestjs/common';
import { requestContext } from '@omni/platform';
import { DataSource } from 'typeorm';
import { onFulfilment } from '../domain/fulfilment';
import { remindPickup } from '../domain/pickup.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { OrderWriter } from './order-writer';

/**
 * Reminds customers of ready pickups not collected `beforeMs` before their deadline (kept in the
 * database, like the reminder itself), one transaction each: a pickup-reminder notification
 * request, addressed like every other to the customer's preferred contact channel.
 */
@Injectable()
export class RemindPickupsUseCase {
  private readonly logger = new Logger('RemindPickups');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
  ) {}

  /** Reminds up to `limit` groups; returns how many. */
  async remindDue(beforeMs: number, limit: number): Promise<number> {
    if (beforeMs <= 0) return 0;
    let reminded = 0;
    while (reminded < limit && (await this.remindNext(beforeMs))) reminded++;
    return reminded;
  }

  private remindNext(beforeMs: number): Promise<boolean> {
    return requestContext.run(requestContext.currentOrNew(), () =>
      this.dataSource.transaction(async (m) => {
        const ctx = this.writer.context();
        const due = await orderRepository.lockNextReminderDue(m, ctx.now, beforeMs);
        if (!due) return false;
        const { order, fulfilmentId } = due;
        const d = onFulfilment(order, fulfilmentId, (f) => remindPickup(f, beforeMs, ctx), ctx.now);
        if (!d.ok) throw new Error(`fulfilment ${fulfilmentId} of order ${order.id} selected for a reminder was refused: ${d.code} ${d.detail ?? ''}`);
        await this.writer.save(m, d.state, d.events, ctx.now);
        this.logger.log({ orderId: order.id, fulfilmentId }, 'pickup reminder requested');
        return true;
      }),
    );
  }
}
