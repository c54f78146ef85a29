import { Injectable, Logger } from '@nestjs/common';
import { requestContext } from '@omni/platform';
import { DataSource } from 'typeorm';
import { onFulfilment } from '../domain/fulfilment';
import { expireOrder } from '../domain/pickup.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { OrderWriter } from './order-writer';

/** Expires ready orders whose pickup deadline (kept in the database) has passed, one transaction each. */
@Injectable()
export class ExpireOrdersUseCase {
  private readonly logger = new Logger('ExpireOrders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
  ) {}

  /** Expires up to `limit` orders; returns how many. */
  async expireDue(limit: number): Promise<number> {
    let expired = 0;
    while (expired < limit && (await this.expireNext())) expired++;
    return expired;
  }

  /** One order, in its own transaction with its outbox rows; false when none is due. */
  private expireNext(): Promise<boolean> {
    return requestContext.run(requestContext.currentOrNew(), () =>
      this.dataSource.transaction(async (m) => {
        const ctx = this.writer.context();
        const due = await orderRepository.lockNextExpired(m, ctx.now);
        if (!due) return false;
        const { order, fulfilmentId } = due;
        const d = onFulfilment(order, fulfilmentId, (f) => expireOrder(f, ctx), ctx.now);
        if (!d.ok) throw new Error(`fulfilment ${fulfilmentId} of order ${order.id} selected for expiry was refused: ${d.code}`);
        await this.writer.save(m, d.state, d.events, ctx.now);
        this.logger.log({ orderId: order.id, fulfilmentId }, 'pickup expired');
        return true;
      }),
    );
  }
}
