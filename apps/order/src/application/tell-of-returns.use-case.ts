import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { ReturnMoment, returnNotice } from '../domain/notifications';
import { OrderWriter } from './order-writer';
import { OrderRepository } from './ports/order.port';
import { ReturnsTakenBackRepository } from './ports/returns-taken-back.port';

/**
 * Tells the customer what became of their return (docs/notifications.md): the returns service
 * decides, this service — which knows the order's customer and their preferred contact channel —
 * asks the notifier, in the transaction that consumes the returns event.
 */
@Injectable()
export class TellOfReturnsUseCase {
  constructor(
    private readonly writer: OrderWriter,
    private readonly orders: OrderRepository,
    private readonly returnsTakenBack: ReturnsTakenBackRepository,
  ) {}

  /** `storeId` left out: where the return was completed, when this service has heard of it. */
  async tell(m: EntityManager, cause: EventEnvelope, orderId: string, moment: Omit<ReturnMoment, 'storeId'> & { storeId?: string }): Promise<void> {
    const order = await this.orders.find(m, orderId);
    // An order this service does not hold (placed elsewhere, before this service): nobody to tell through it.
    if (!order || order.fulfilments.length === 0) return;
    const storeId = moment.storeId ?? (moment.returnId ? await this.returnsTakenBack.storeOf(m, moment.returnId) : null);
    const ctx = await this.writer.context(m, order);
    await this.writer.publish(m, returnNotice(order, { ...moment, storeId }, ctx), ctx.now, cause);
  }
}
