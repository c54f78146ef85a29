import { Injectable } from '@nestjs/common';
import { Metrics } from '@omni/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CancelledBy, Order } from '../domain/order';
import {
  cancelOrder,
  checkStore,
  collectOrder,
  DecisionContext,
  PickReport,
  PickupRefusal,
  recordPicks,
  registerWrongCode,
  startPicking,
} from '../domain/pickup.machine';
import { orderRepository } from '../infrastructure/order.repository';
import { newPickupCode } from '../infrastructure/pickup-code.generator';
import { OrderWriter } from './order-writer';

export type OrderActionRefusal = PickupRefusal | 'ORDER.NOT_FOUND';
export type OrderActionResult = { ok: true; order: Order } | { ok: false; code: OrderActionRefusal; detail?: string };

/** Who asks: a store acts only on its own orders; the customer's own check happens upstream (auth). */
export type Actor = { kind: 'store'; storeId: string } | { kind: 'customer' };

/** Store and customer actions over HTTP: load and lock → check the actor → decide → save with outbox rows, one transaction. */
@Injectable()
export class ActOnOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
    private readonly metrics: Metrics,
  ) {}

  startPicking(orderId: string, actor: Actor) {
    return this.act(orderId, actor, (o, ctx) => startPicking(o, ctx.now));
  }

  recordPicks(orderId: string, actor: Actor, picks: readonly PickReport[]) {
    return this.act(orderId, actor, (o, ctx) => recordPicks(o, picks, newPickupCode(), ctx));
  }

  cancel(orderId: string, actor: Actor, reason: string) {
    const by: CancelledBy = actor.kind;
    return this.act(orderId, actor, (o, ctx) => cancelOrder(o, by, reason, ctx));
  }

  async collect(orderId: string, actor: Actor, pickupCode: string): Promise<OrderActionResult> {
    const result = await this.act(orderId, actor, (o, ctx) => collectOrder(o, pickupCode, ctx), async (m, o, code, ctx) => {
      // A wrong code is refused, and counted in the same transaction, so the lock survives restarts.
      if (code === 'PICKUP.CODE_INVALID') await this.writer.save(m, registerWrongCode(o, ctx.now), [], ctx.now);
    });
    // After commit: the time the customer's goods waited at the store.
    if (result.ok && result.order.readyAt && result.order.collectedAt) this.metrics.journeyStep('ready_to_collected', result.order.readyAt, result.order.collectedAt);
    return result;
  }

  private act(
    orderId: string,
    actor: Actor,
    decide: (o: Order, ctx: DecisionContext) => ReturnType<typeof startPicking>,
    onRefused?: (m: EntityManager, o: Order, code: PickupRefusal, ctx: DecisionContext) => Promise<void>,
  ): Promise<OrderActionResult> {
    return this.dataSource.transaction(async (m): Promise<OrderActionResult> => {
      const order = await orderRepository.findForUpdate(m, orderId);
      if (!order) return { ok: false, code: 'ORDER.NOT_FOUND', detail: `no order ${orderId}` };
      if (actor.kind === 'store') {
        const own = checkStore(order, actor.storeId);
        if (!own.ok) return { ok: false, code: own.code, detail: own.detail };
      }
      const ctx = this.writer.context();
      const d = decide(order, ctx);
      if (!d.ok) {
        await onRefused?.(m, order, d.code, ctx);
        return { ok: false, code: d.code, detail: d.detail };
      }
      await this.writer.save(m, d.state, d.events, ctx.now);
      return { ok: true, order: d.state };
    });
  }
}
