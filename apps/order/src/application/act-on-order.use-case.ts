import { Injectable } from '@nestjs/common';
import { Decision, DeliveryFailure } from '@omni/contracts';
import { Metrics } from '@omni/platform';
import { DataSource, EntityManager } from 'typeorm';
import { confirmDelivered, failDelivery, shipDelivery } from '../domain/delivery.machine';
import { cancelFulfilment, cancelOpenFulfilments, FulfilmentRefusal, onFulfilment, recordFulfilmentPicks, startPickingFulfilment } from '../domain/fulfilment';
import { CancelledBy, Fulfilment, Order, withFulfilment } from '../domain/order';
import { checkStore, PickReport } from '../domain/pickup.machine';
import { collectOrder, collectWithIdentity, IdentityCheck, registerWrongCode, unlockPickup } from '../domain/pickup-collection';
import { DecisionContext } from '../domain/group-effects';
import { OrderWriter } from './order-writer';
import { OrderRepository } from './ports/order.port';
import { PickupCodeGenerator } from './ports/pickup-code.port';

export type OrderActionRefusal = FulfilmentRefusal | 'ORDER.NOT_FOUND' | 'FULFILMENT.NOT_FOUND' | 'FULFILMENT.AMBIGUOUS' | 'FULFILMENT.NOT_A_DELIVERY';
export type OrderActionResult = { ok: true; order: Order; fulfilment?: Fulfilment } | { ok: false; code: OrderActionRefusal; detail?: string };

/**
 * Who asks: a location (store or warehouse) acts only on the groups it fulfils; a customer on their
 * own orders (checked upstream, by auth); a carrier reports on deliveries it carries.
 */
export type Actor = { kind: 'store'; storeId: string } | { kind: 'customer' } | { kind: 'carrier' };

type Decide = (f: Fulfilment, ctx: DecisionContext, order: Order) => Decision<Fulfilment, OrderActionRefusal>;

/**
 * Store, warehouse, carrier and customer actions over HTTP: load and lock the order → find the
 * group → check the actor → decide → save with outbox rows, one transaction.
 *
 * A location names the group by its fulfilment id, or by the order id when the order has exactly
 * one group at that location (every click & collect order).
 */
@Injectable()
export class ActOnOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
    private readonly metrics: Metrics,
    private readonly orders: OrderRepository,
    private readonly pickupCodes: PickupCodeGenerator,
  ) {}

  startPicking(id: string, actor: Actor) {
    return this.act(id, actor, (f, ctx) => startPickingFulfilment(f, ctx));
  }

  recordPicks(id: string, actor: Actor, picks: readonly PickReport[]) {
    return this.act(id, actor, (f, ctx) => recordFulfilmentPicks(f, picks, this.pickupCodes.newPickupCode(), ctx));
  }

  ship(id: string, actor: Actor, carrier: string, trackingNumber: string) {
    return this.act(id, actor, (f, ctx) => (f.type === 'delivery' ? shipDelivery(f, carrier, trackingNumber, ctx) : notADelivery(f)));
  }

  reportDelivery(id: string, outcome: 'DELIVERED' | DeliveryFailure) {
    return this.act(id, { kind: 'carrier' }, (f, ctx) =>
      f.type !== 'delivery' ? notADelivery(f) : outcome === 'DELIVERED' ? confirmDelivered(f, ctx) : failDelivery(f, outcome, ctx),
    );
  }

  /** A location cancels its own group; a customer cancels whatever of the order can still be cancelled. */
  cancel(id: string, actor: Actor, reason: string): Promise<OrderActionResult> {
    const by: CancelledBy = actor.kind === 'store' ? 'store' : 'customer';
    if (actor.kind === 'store') return this.act(id, actor, (f, ctx) => cancelFulfilment(f, by, reason, ctx));
    return this.dataSource.transaction(async (m): Promise<OrderActionResult> => {
      const order = await this.orders.findForUpdate(m, id);
      if (!order) return { ok: false, code: 'ORDER.NOT_FOUND', detail: `no order ${id}` };
      const ctx = await this.writer.context(m, order);
      const d = cancelOpenFulfilments(order, by, reason, ctx);
      if (!d.ok) return { ok: false, code: d.code, detail: d.detail };
      await this.writer.save(m, d.state, d.events, ctx.now);
      return { ok: true, order: d.state };
    });
  }

  async collect(id: string, actor: Actor, pickupCode: string): Promise<OrderActionResult> {
    const result = await this.act(
      id,
      actor,
      (f, ctx) => (f.type === 'pickup' ? collectOrder(f, pickupCode, ctx) : notAPickup(f)),
      async (m, order, f, code, ctx) => {
        // A wrong code is refused, and counted in the same transaction, so the lock survives restarts.
        if (code === 'PICKUP.CODE_INVALID' && f.type === 'pickup')
          await this.writer.save(m, withFulfilment(order, registerWrongCode(f, ctx.now), ctx.now), [], ctx.now);
      },
    );
    // After commit: the time the customer's goods waited at the store.
    const f = result.ok ? result.fulfilment : undefined;
    if (f?.type === 'pickup' && f.readyAt && f.collectedAt) this.metrics.journeyStep('ready_to_collected', f.readyAt, f.collectedAt);
    return result;
  }

  /** The customer shows an identity document instead of the code; the associate who checked it is recorded (docs/click-and-collect.md). */
  async collectWithIdentity(id: string, actor: Actor, check: IdentityCheck): Promise<OrderActionResult> {
    const result = await this.act(id, actor, (f, ctx, order) =>
      f.type === 'pickup' ? collectWithIdentity(f, order.contact?.name ?? null, check, ctx) : notAPickup(f),
    );
    const f = result.ok ? result.fulfilment : undefined;
    if (f?.type === 'pickup' && f.readyAt && f.collectedAt) this.metrics.journeyStep('ready_to_collected', f.readyAt, f.collectedAt);
    return result;
  }

  /** A store supervisor lifts the lock wrong codes put on a pickup (docs/click-and-collect.md, Locked pickups). */
  unlockPickup(id: string, actor: Actor, supervisorId: string, reason: string): Promise<OrderActionResult> {
    return this.act(id, actor, (f, ctx) => (f.type === 'pickup' ? unlockPickup(f, supervisorId, reason, ctx) : notAPickup(f)));
  }

  private act(
    id: string,
    actor: Actor,
    decide: Decide,
    onRefused?: (m: EntityManager, o: Order, f: Fulfilment, code: OrderActionRefusal, ctx: DecisionContext) => Promise<void>,
  ): Promise<OrderActionResult> {
    return this.dataSource.transaction(async (m): Promise<OrderActionResult> => {
      const found = await this.find(m, id, actor);
      if (!found.ok) return found;
      const { order, fulfilment } = found;
      if (actor.kind === 'store') {
        const own = checkStore(fulfilment, actor.storeId);
        if (!own.ok) return { ok: false, code: own.code, detail: own.detail };
      }
      const ctx = await this.writer.context(m, order);
      const d = onFulfilment(order, fulfilment.id, (f) => decide(f, ctx, order), ctx.now);
      if (!d.ok) {
        if (d.code !== 'FULFILMENT.NOT_FOUND') await onRefused?.(m, order, fulfilment, d.code, ctx);
        return { ok: false, code: d.code, detail: d.detail };
      }
      await this.writer.save(m, d.state, d.events, ctx.now);
      return { ok: true, order: d.state, fulfilment: d.state.fulfilments.find((g) => g.id === fulfilment.id) };
    });
  }

  /** The group `id` names (a fulfilment id, or an order id with one group at the acting location), its order locked. */
  private async find(
    m: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<{ ok: true; order: Order; fulfilment: Fulfilment } | { ok: false; code: OrderActionRefusal; detail: string }> {
    const orderId = (await this.orders.orderIdOfFulfilment(m, id)) ?? id;
    const order = await this.orders.findForUpdate(m, orderId);
    if (!order) return { ok: false, code: 'ORDER.NOT_FOUND', detail: `no order or fulfilment ${id}` };
    const byId = order.fulfilments.find((f) => f.id === id);
    if (byId) return { ok: true, order, fulfilment: byId };
    const candidates = actor.kind === 'store' ? order.fulfilments.filter((f) => f.storeId === actor.storeId) : order.fulfilments;
    if (candidates.length === 1) return { ok: true, order, fulfilment: candidates[0] };
    // Another location's order is refused the way its group would be (ORDER.WRONG_STORE).
    if (candidates.length === 0 && actor.kind === 'store') return { ok: true, order, fulfilment: order.fulfilments[0] };
    return {
      ok: false,
      code: 'FULFILMENT.AMBIGUOUS',
      detail: `order ${order.id} has ${candidates.length} fulfilment groups here: name one by its fulfilment id`,
    };
  }
}

function notADelivery(f: Fulfilment): Decision<Fulfilment, OrderActionRefusal> {
  return { ok: false, code: 'FULFILMENT.NOT_A_DELIVERY', detail: `fulfilment ${f.id} is a ${f.type}` };
}

function notAPickup(f: Fulfilment): Decision<Fulfilment, OrderActionRefusal> {
  return { ok: false, code: 'ORDER.INVALID_TRANSITION', detail: `fulfilment ${f.id} is a delivery: it is shipped, not collected` };
}
