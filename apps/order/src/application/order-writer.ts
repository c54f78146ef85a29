import { Injectable } from '@nestjs/common';
import { PendingEvent } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Order } from '../domain/order';
import { DecisionContext } from '../domain/pickup.machine';
import { orderRepository, paymentRequestRepository } from '../infrastructure/order.repository';

/** What every use case does after a decision: save the order, its payment requests and its events, in the caller's transaction. */
@Injectable()
export class OrderWriter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  context(): DecisionContext {
    return { now: this.clock.now(), newId: randomUUID };
  }

  async save(m: EntityManager, order: Order, events: readonly PendingEvent[], now: Date): Promise<void> {
    await orderRepository.update(m, order);
    await paymentRequestRepository.recordRequested(m, events);
    for (const e of events) await this.outbox.append(m, e.def, e.payload, now);
  }
}
