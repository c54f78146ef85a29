import { accept, Decision, event, OrderDeliveryAssignedV1, PendingEvent, refuse } from '@omni/contracts';
import {
  assignDelivery,
  cancelDelivery,
  canFireDelivery,
  DeliveryRefusal,
  DeliveryTrigger,
  recordDeliveryPicks,
  rejectDelivery,
  startPickingDelivery,
} from './delivery.machine';
import { CancelledBy, DeliveryFulfilment, Fulfilment, Order, withFulfilment } from './order';
import { cancelOrder, canFire, NewPickupCode, PickReport, PickupRefusal, PickupTrigger, recordPicks, rejectOrder, startPicking } from './pickup.machine';
import { DecisionContext } from './group-effects';

/**
 * What an order does through its groups: each decision is the pickup or the delivery machine's,
 * by the group's type; the order only gathers the groups and summarises their states.
 */
export type FulfilmentRefusal = PickupRefusal | DeliveryRefusal;
export type FulfilmentDecision = Decision<Fulfilment, FulfilmentRefusal>;

export function startPickingFulfilment(f: Fulfilment, ctx: DecisionContext): FulfilmentDecision {
  return f.type === 'pickup' ? startPicking(f, ctx.now) : startPickingDelivery(f, ctx);
}

export function recordFulfilmentPicks(f: Fulfilment, picks: readonly PickReport[], code: NewPickupCode, ctx: DecisionContext): FulfilmentDecision {
  return f.type === 'pickup' ? recordPicks(f, picks, code, ctx) : recordDeliveryPicks(f, picks, ctx);
}

/** Triggers both kinds of group know (cancel, preorder, allocate, …), each by its own table. */
export type SharedTrigger = Extract<PickupTrigger, DeliveryTrigger>;

/** Whether `trigger` may fire on group `f`, by the table of its kind. */
export function canFireOn(f: Fulfilment, trigger: SharedTrigger): boolean {
  return f.type === 'pickup' ? canFire(f.status, trigger) : canFireDelivery(f.status, trigger);
}

export function canCancel(f: Fulfilment): boolean {
  return canFireOn(f, 'cancel');
}

export function cancelFulfilment(f: Fulfilment, by: CancelledBy, reason: string, ctx: DecisionContext): FulfilmentDecision {
  return f.type === 'pickup' ? cancelOrder(f, by, reason, ctx) : cancelDelivery(f, by, reason, ctx);
}

export function rejectFulfilment(f: Fulfilment, reason: string, ctx: DecisionContext): FulfilmentDecision {
  return f.type === 'pickup' ? rejectOrder(f, reason, ctx) : rejectDelivery(f, reason, ctx);
}

/** Applies one group's decision to the order. */
export function onFulfilment<C extends string>(
  o: Order,
  fulfilmentId: string,
  decide: (f: Fulfilment) => Decision<Fulfilment, C>,
  now: Date,
): Decision<Order, C | 'FULFILMENT.NOT_FOUND'> {
  const f = o.fulfilments.find((g) => g.id === fulfilmentId);
  if (!f) return refuse('FULFILMENT.NOT_FOUND', `order ${o.id} has no fulfilment ${fulfilmentId}`);
  const d = decide(f);
  if (!d.ok) return d;
  return accept(withFulfilment(o, d.state, now), d.events);
}

/**
 * Cancels every group that can still be cancelled (a shipped or collected one stays as it is).
 * Refused when none can.
 */
export function cancelOpenFulfilments(o: Order, by: CancelledBy, reason: string, ctx: DecisionContext): Decision<Order, FulfilmentRefusal> {
  const open = o.fulfilments.filter(canCancel);
  if (open.length === 0) return refuse('ORDER.INVALID_TRANSITION', `nothing of order ${o.id} can be cancelled any more (${o.status})`);
  let order = o;
  const events: PendingEvent[] = [];
  for (const f of open) {
    const d = cancelFulfilment(f, by, reason, ctx);
    if (!d.ok) return d;
    order = withFulfilment(order, d.state, ctx.now);
    events.push(...d.events);
  }
  return accept(order, events);
}

/** inventory.rejected: nothing of the order is reserved, so every group still PLACED is rejected. */
export function rejectPlacedFulfilments(o: Order, reason: string, ctx: DecisionContext): Decision<Order, FulfilmentRefusal> {
  const placed = o.fulfilments.filter((f) => f.status === 'PLACED');
  if (placed.length === 0) return refuse('ORDER.INVALID_TRANSITION', `order ${o.id} has nothing left to reject (${o.status})`);
  let order = o;
  const events: PendingEvent[] = [];
  for (const f of placed) {
    const d = rejectFulfilment(f, reason, ctx);
    if (!d.ok) return d;
    order = withFulfilment(order, d.state, ctx.now);
    events.push(...d.events);
  }
  return accept(order, events);
}

/** inventory.reserved-for-delivery: the group is reserved where it ships from, split by location when it must be. */
export function assignDeliveryGroup(
  o: Order,
  fulfilmentId: string,
  lines: readonly { lineId: string; sourceLocationId: string }[],
  ctx: DecisionContext,
): Decision<Order, FulfilmentRefusal | 'FULFILMENT.NOT_FOUND'> {
  const f = o.fulfilments.find((g): g is DeliveryFulfilment => g.id === fulfilmentId && g.type === 'delivery');
  if (!f) return refuse('FULFILMENT.NOT_FOUND', `order ${o.id} has no delivery ${fulfilmentId}`);
  const d = assignDelivery(f, lines, ctx);
  if (!d.ok) return d;
  let order = o;
  for (const g of d.state) order = withFulfilment(order, g, ctx.now);
  return accept(order, [
    event(OrderDeliveryAssignedV1, {
      orderId: o.id,
      fulfilments: d.state.map((g) => ({ fulfilmentId: g.id, locationId: g.storeId!, lineIds: g.lines.map((l) => l.lineId) })),
      assignedAt: ctx.now.toISOString(),
    }),
  ]);
}
