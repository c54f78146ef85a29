import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { mergeLines, Order, placeOrder, PlaceOrderInput, PlacementRefusal } from '../domain/order';
import { orderRepository } from '../infrastructure/order.repository';

export type PlaceOrderResult = { ok: true; order: Order } | { ok: false; code: PlacementRefusal; detail?: string };

/** Saves a new order, its groups and its order.placed event in one transaction. */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(input: PlaceOrderInput): Promise<PlaceOrderResult> {
    const ids = {
      orderId: randomUUID(),
      fulfilments: input.fulfilments.map((f) => ({ fulfilmentId: randomUUID(), lineIds: mergeLines(f.lines).map(() => randomUUID()) })),
    };
    const now = this.clock.now();
    const decision = placeOrder(input, ids, now);
    if (!decision.ok) return { ok: false, code: decision.code, detail: decision.detail };
    await this.dataSource.transaction(async (m) => {
      await orderRepository.insert(m, decision.state);
      for (const e of decision.events) await this.outbox.append(m, e.def, e.payload, now);
    });
    return { ok: true, order: decision.state };
  }
}
