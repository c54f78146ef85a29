import {
  accept,
  Decision,
  DeliveryFailure,
  event,
  OrderCancelledV1,
  OrderDeliveredV1,
  OrderDeliveryFailedV1,
  OrderPackedV1,
  OrderPickingStartedV1,
  OrderRejectedV1,
  OrderShippedV1,
  PendingEvent,
  refuse,
} from '@omni/contracts';
import { CancelledBy, DeliveryStatus, Fulfilment, remainingAmount, remainingQuantity } from './order';
import { capture, DecisionContext, lineIdsOf, locationOf, moved, notification, PickReport, refund } from './pickup.machine';

export type DeliveryTrigger = 'reserve' | 'reject' | 'cancel' | 'startPicking' | 'pack' | 'ship' | 'deliver' | 'fail';

export const DELIVERY_TRIGGERS: readonly DeliveryTrigger[] = ['reserve', 'reject', 'cancel', 'startPicking', 'pack', 'ship', 'deliver', 'fail'];

/**
 * The delivery lifecycle as data (docs/fulfilment.md): which trigger may move which state to
 * which state. Cancellation is possible until the parcel leaves; anything not listed is refused.
 */
export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, Readonly<Partial<Record<DeliveryTrigger, DeliveryStatus>>>>> = {
  PLACED: { reserve: 'RESERVED', reject: 'REJECTED', cancel: 'CANCELLED' },
  RESERVED: { startPicking: 'PICKING', cancel: 'CANCELLED' },
  PICKING: { pack: 'PACKED', cancel: 'CANCELLED' },
  PACKED: { ship: 'SHIPPED', cancel: 'CANCELLED' },
  SHIPPED: { deliver: 'DELIVERED', fail: 'DELIVERY_FAILED' },
  DELIVERED: {},
  DELIVERY_FAILED: {},
  CANCELLED: {},
  REJECTED: {},
};

export type DeliveryRefusal = 'ORDER.INVALID_TRANSITION' | 'PICK.UNKNOWN_LINE' | 'PICK.QUANTITY_EXCEEDED' | 'PICK.SHORT_DELIVERY';
type DeliveryDecision = Decision<Fulfilment, DeliveryRefusal>;

function fire(f: Fulfilment, trigger: DeliveryTrigger): DeliveryStatus | DeliveryDecision {
  const to = DELIVERY_TRANSITIONS[f.status as DeliveryStatus]?.[trigger];
  return to ?? refuse('ORDER.INVALID_TRANSITION', `${trigger} is not allowed when the delivery is ${f.status}`);
}

const refused = (x: DeliveryStatus | DeliveryDecision): x is DeliveryDecision => typeof x !== 'string';

/**
 * inventory.reserved-for-delivery: every line is reserved where it ships from. Lines reserved at
 * one location stay in this group; lines at another location move to a new group each (a split),
 * each group shipping on its own. Returns the groups, this one first.
 */
export function assignDelivery(f: Fulfilment, lines: readonly { lineId: string; sourceLocationId: string }[], ctx: DecisionContext): Decision<Fulfilment[], DeliveryRefusal> {
  const to = fire(f, 'reserve');
  if (refused(to)) return to as Decision<never, DeliveryRefusal>;
  const source = new Map(lines.map((l) => [l.lineId, l.sourceLocationId]));
  if (f.lines.some((l) => !source.has(l.lineId))) return refuse('ORDER.INVALID_TRANSITION', `the reservation of delivery ${f.id} misses some of its lines`);
  const locations = [...new Set(f.lines.map((l) => source.get(l.lineId)!))].sort();
  const groups = locations.map((locationId, i) => {
    const own = f.lines.filter((l) => source.get(l.lineId) === locationId).map((l) => ({ ...l, sourceLocationId: locationId }));
    return moved({ ...f, id: i === 0 ? f.id : ctx.newId() }, to, ctx.now, { storeId: locationId, lines: own });
  });
  return accept(groups);
}

export function rejectDelivery(f: Fulfilment, reason: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'reject');
  if (refused(to)) return to;
  return accept(moved(f, to, ctx.now, { rejectionReason: reason }), [
    event(OrderRejectedV1, { orderId: f.orderId, fulfilmentId: f.id, reason, rejectedAt: ctx.now.toISOString() }),
    ...refund(f, remainingAmount(f), 'ORDER.REJECTED', ctx),
  ]);
}

export function startPickingDelivery(f: Fulfilment, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'startPicking');
  if (refused(to)) return to;
  return accept(moved(f, to, ctx.now), [event(OrderPickingStartedV1, { orderId: f.orderId, fulfilmentId: f.id, storeId: locationOf(f), startedAt: ctx.now.toISOString() })]);
}

/**
 * The location reports what it found, through the same endpoint a pickup store uses. A delivery
 * ships complete: once every unit is found it is PACKED; a short pick is refused (cancel instead).
 */
export function recordDeliveryPicks(f: Fulfilment, picks: readonly PickReport[], ctx: DecisionContext): DeliveryDecision {
  if (f.status !== 'PICKING') return refuse('ORDER.INVALID_TRANSITION', `pack is not allowed when the delivery is ${f.status}`);
  const reported = new Map<string, number>();
  for (const p of picks) {
    const line = f.lines.find((l) => l.lineId === p.lineId);
    if (!line) return refuse('PICK.UNKNOWN_LINE', `delivery ${f.id} has no line ${p.lineId}`);
    if (p.pickedQuantity > remainingQuantity(line)) return refuse('PICK.QUANTITY_EXCEEDED', `line ${p.lineId} owes ${remainingQuantity(line)} units`);
    if (p.pickedQuantity < remainingQuantity(line)) return refuse('PICK.SHORT_DELIVERY', `a delivery ships complete: line ${p.lineId} owes ${remainingQuantity(line)} units; find them or cancel the delivery`);
    reported.set(p.lineId, p.pickedQuantity);
  }
  const lines = f.lines.map((l) => (reported.has(l.lineId) ? { ...l, pickedQuantity: reported.get(l.lineId)! } : l));
  if (!lines.every((l) => l.pickedQuantity === remainingQuantity(l))) return accept({ ...f, lines, updatedAt: ctx.now });
  return accept(moved(f, 'PACKED', ctx.now, { lines, packedAt: ctx.now }), [event(OrderPackedV1, { orderId: f.orderId, fulfilmentId: f.id, locationId: locationOf(f), packedAt: ctx.now.toISOString() })]);
}

/** The carrier took the parcel: the units leave the location and the payment is captured (unless paid when placed). */
export function shipDelivery(f: Fulfilment, carrier: string, trackingNumber: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'ship');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { carrier, trackingNumber, shippedAt: ctx.now });
  return accept(state, [
    event(OrderShippedV1, {
      orderId: f.orderId,
      fulfilmentId: f.id,
      locationId: locationOf(f),
      carrier,
      trackingNumber,
      lines: f.lines.filter((l) => remainingQuantity(l) > 0).map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: remainingQuantity(l) })),
      shippedAt: ctx.now.toISOString(),
    }),
    ...capture(f, remainingAmount(f), ctx),
    ...notification(state, 'order-shipped', ctx),
  ]);
}

export function confirmDelivered(f: Fulfilment, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'deliver');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { deliveredAt: ctx.now });
  return accept(state, [event(OrderDeliveredV1, { orderId: f.orderId, fulfilmentId: f.id, deliveredAt: ctx.now.toISOString() }), ...notification(state, 'order-delivered', ctx)]);
}

/** Refused at the door or lost by the carrier: the customer gets their money back. */
export function failDelivery(f: Fulfilment, reason: DeliveryFailure, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'fail');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { deliveryFailure: reason });
  return accept(state, [
    event(OrderDeliveryFailedV1, { orderId: f.orderId, fulfilmentId: f.id, reason, failedAt: ctx.now.toISOString() }),
    ...refund(f, remainingAmount(f), reason, ctx),
    ...notification(state, 'delivery-failed', ctx),
  ]);
}

/** Cancellation before the parcel leaves releases the reservation and refunds the group. */
export function cancelDelivery(f: Fulfilment, by: CancelledBy, reason: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'cancel');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { cancelledBy: by, cancellationReason: reason, cancelledAt: ctx.now });
  const events: PendingEvent[] = [
    event(OrderCancelledV1, { orderId: f.orderId, fulfilmentId: f.id, lineIds: lineIdsOf(f), storeId: locationOf(f), cancelledBy: by, reason, cancelledAt: ctx.now.toISOString() }),
    ...refund(f, remainingAmount(f), 'ORDER.CANCELLED', ctx),
    ...notification(state, 'order-cancelled', ctx),
  ];
  return accept(state, events);
}
