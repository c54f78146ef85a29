import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { mergeLines, Order, placeOrder, PlaceOrderInput } from '../domain/order';
import { orderRepository } from '../infrastructure/order.repository';

/** Saves a new order and its order.placed event in one transaction. */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(input: PlaceOrderInput): Promise<Order> {
    const lineIds = mergeLines(input.lines).map(() => randomUUID());
    const now = this.clock.now();
    const decision = placeOrder(input, { orderId: randomUUID(), lineIds }, now);
    if (!decision.ok) throw new Error('placing an order cannot be refused');
    await this.dataSource.transaction(async (m) => {
      await orderRepository.insert(m, decision.state);
      for (const e of decision.events) await this.outbox.append(m, e.def, e.payload, now);
    });
    return decision.state;
  }
}
