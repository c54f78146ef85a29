import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@omni/messaging';
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
  ) {}

  async execute(input: PlaceOrderInput): Promise<Order> {
    const lineIds = mergeLines(input.lines).map(() => randomUUID());
    const decision = placeOrder(input, { orderId: randomUUID(), lineIds }, new Date());
    if (!decision.ok) throw new Error('placing an order cannot be refused');
    await this.dataSource.transaction(async (m) => {
      await orderRepository.insert(m, decision.state);
      for (const e of decision.events) await this.outbox.append(m, e.def, e.payload);
    });
    return decision.state;
  }
}
