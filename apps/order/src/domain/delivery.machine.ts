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
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  PendingEvent,
  refuse,
} from '@omni/contracts';
import { CancelledBy, DeliveryFulfilment, remainingAmount, remainingQuantity } from './order';
import { DeliveryStatus } from './order-status';
import { PickReport } from './pickup.machine';
import { capture, DecisionContext, lineIdsOf, locationOf, moved, notification, refund, settleShortPick, ShortPickResolution } from './group-effects';
import { mayFire, targetsOf, Transitions } from './transitions';

export type DeliveryTrigger =
  | 'preorder'
  | 'allocate'
  | 'release'
  | 'reserve'
  | 'reject'
  | 'cancel'
  | 'startPicking'
  | 'pack'
  | 'shortPick'
  | 'resolved'
  | 'transfersArrived'
  | 'ship'
  | 'deliver'
  | 'fail';

export const DELIVERY_TRIGGERS: readonly DeliveryTrigger[] = [
  'preorder',
  'allocate',
  'release',
  'reserve',
  'reject',
  'cancel',
  'startPicking',
  'pack',
  'shortPick',
  'resolved',
  'transfersArrived',
  'ship',
  'deliver',
  'fail',
];

/**
 * The delivery lifecycle as data (docs/fulfilment.md): which trigger may move which state to
 * which states. Cancellation is possible until the parcel leaves; anything not listed is refused.
 * A short pick waits for inventory: missing units re-sourced come by transfer to the shipping
 * location (AWAITING_TRANSFER, then picked again); the others are cancelled and refunded.
 * A preorder (docs/preorders.md) waits in line at the warehouse that will ship it (PREORDERED),
 * holds its units (ALLOCATED, or AWAITING_TRANSFER while they travel there) and is RESERVED for
 * picking on its release date (preorder.machine.ts).
 */
export const DELIVERY_TRANSITIONS: Transitions<DeliveryStatus, DeliveryTrigger> = {
  PLACED: { reserve: ['RESERVED'], preorder: ['PREORDERED'], reject: ['REJECTED'], cancel: ['CANCELLED'] },
  PREORDERED: { allocate: ['ALLOCATED', 'AWAITING_TRANSFER', 'RESERVED'], cancel: ['CANCELLED'] },
  ALLOCATED: { release: ['RESERVED'], cancel: ['CANCELLED'] },
  RESERVED: { startPicking: ['PICKING'], cancel: ['CANCELLED'] },
  PICKING: { pack: ['PACKED'], shortPick: ['RESOURCING'], cancel: ['CANCELLED'] },
  RESOURCING: { resolved: ['AWAITING_TRANSFER', 'PICKING', 'PACKED', 'CANCELLED'], cancel: ['CANCELLED'] },
  AWAITING_TRANSFER: { transfersArrived: ['PICKING', 'ALLOCATED', 'RESERVED'], cancel: ['CANCELLED'] },
  PACKED: { ship: ['SHIPPED'], cancel: ['CANCELLED'] },
  SHIPPED: { deliver: ['DELIVERED'], fail: ['DELIVERY_FAILED'] },
  DELIVERED: {},
  DELIVERY_FAILED: {},
  CANCELLED: {},
  REJECTED: {},
};

/** Whether `trigger` may move a delivery in `status` (to `to`, when asked): `canFire` of the pickup machine, for deliveries. */
export function canFireDelivery(status: DeliveryStatus, trigger: DeliveryTrigger, to?: DeliveryStatus): boolean {
  return mayFire(DELIVERY_TRANSITIONS, status, trigger, to);
}

export type DeliveryRefusal = 'ORDER.INVALID_TRANSITION' | 'PICK.UNKNOWN_LINE' | 'PICK.QUANTITY_EXCEEDED';
type DeliveryDecision = Decision<DeliveryFulfilment, DeliveryRefusal>;

/** The state `trigger` leads to (`to`, when it may lead to several), or the refusal. */
function fire(f: DeliveryFulfilment, trigger: DeliveryTrigger, to?: DeliveryStatus): DeliveryStatus | DeliveryDecision {
  const targets = targetsOf(DELIVERY_TRANSITIONS, f.status, trigger);
  const next = to ?? targets[0];
  return next !== undefined && targets.includes(next) ? next : refuse('ORDER.INVALID_TRANSITION', `${trigger} is not allowed when the delivery is ${f.status}`);
}

const refused = (x: DeliveryStatus | DeliveryDecision): x is DeliveryDecision => typeof x !== 'string';

/**
 * inventory.reserved-for-delivery: every line is reserved where it ships from. Lines reserved at
 * one location stay in this group; lines at another location move to a new group each (a split),
 * each group shipping on its own. Returns the groups, this one first.
 */
export function assignDelivery(
  f: DeliveryFulfilment,
  lines: readonly { lineId: string; sourceLocationId: string }[],
  ctx: DecisionContext,
): Decision<DeliveryFulfilment[], DeliveryRefusal> {
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

export function rejectDelivery(f: DeliveryFulfilment, reason: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'reject');
  if (refused(to)) return to;
  return accept(moved(f, to, ctx.now, { rejectionReason: reason }), [
    event(OrderRejectedV1, { orderId: f.orderId, fulfilmentId: f.id, reason, rejectedAt: ctx.now.toISOString() }),
    ...refund(f, remainingAmount(f), 'ORDER.REJECTED', ctx),
  ]);
}

export function startPickingDelivery(f: DeliveryFulfilment, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'startPicking');
  if (refused(to)) return to;
  return accept(moved(f, to, ctx.now), [
    event(OrderPickingStartedV1, { orderId: f.orderId, fulfilmentId: f.id, storeId: locationOf(f), startedAt: ctx.now.toISOString() }),
  ]);
}

/**
 * The location reports what it found per line (the total found so far), through the same endpoint
 * a pickup store uses. Once every unit is found it is PACKED; lines not reported are still to
 * pick. Fewer units than a line owes is a short pick: the group waits (RESOURCING) while inventory
 * corrects its count and re-sources the missing units (order.short-picked). A delivery still
 * ships complete: what was found waits for what comes by transfer.
 */
export function recordDeliveryPicks(f: DeliveryFulfilment, picks: readonly PickReport[], ctx: DecisionContext): DeliveryDecision {
  if (f.status !== 'PICKING') return refuse('ORDER.INVALID_TRANSITION', `pack is not allowed when the delivery is ${f.status}`);
  const reported = new Map<string, number>();
  for (const p of picks) {
    const line = f.lines.find((l) => l.lineId === p.lineId);
    if (!line) return refuse('PICK.UNKNOWN_LINE', `delivery ${f.id} has no line ${p.lineId}`);
    if (p.pickedQuantity > remainingQuantity(line)) return refuse('PICK.QUANTITY_EXCEEDED', `line ${p.lineId} owes ${remainingQuantity(line)} units`);
    reported.set(p.lineId, p.pickedQuantity);
  }
  const lines = f.lines.map((l) => (reported.has(l.lineId) ? { ...l, pickedQuantity: reported.get(l.lineId)! } : l));
  const short = lines.filter((l) => reported.has(l.lineId) && l.pickedQuantity < remainingQuantity(l));
  if (short.length > 0) {
    return accept(moved(f, 'RESOURCING', ctx.now, { lines }), [
      event(OrderShortPickedV1, {
        orderId: f.orderId,
        fulfilmentId: f.id,
        storeId: locationOf(f),
        lines: short.map((l) => ({ lineId: l.lineId, sku: l.sku, missingQuantity: remainingQuantity(l) - l.pickedQuantity })),
        shortPickedAt: ctx.now.toISOString(),
      }),
    ]);
  }
  if (!lines.every((l) => l.pickedQuantity === remainingQuantity(l))) return accept({ ...f, lines, updatedAt: ctx.now });
  return packed(f, lines, ctx, []);
}

function packed(f: DeliveryFulfilment, lines: DeliveryFulfilment['lines'], ctx: DecisionContext, before: PendingEvent[]): DeliveryDecision {
  return accept(moved(f, 'PACKED', ctx.now, { lines, packedAt: ctx.now }), [
    ...before,
    event(OrderPackedV1, { orderId: f.orderId, fulfilmentId: f.id, locationId: locationOf(f), packedAt: ctx.now.toISOString() }),
  ]);
}

/**
 * inventory.short-pick-resolved for a delivery (`settleShortPick`): units re-sourced come by
 * transfer to the shipping location (AWAITING_TRANSFER, the customer told the parcel is late,
 * `delivery-delayed`); with everything left found it is PACKED; else it is picked on.
 */
export function resolveDeliveryShortPick(f: DeliveryFulfilment, r: ShortPickResolution, ctx: DecisionContext): DeliveryDecision {
  const gate = fire(f, 'resolved');
  if (refused(gate)) return gate;
  const { after, events, cancelled } = settleShortPick(f, r, ctx);
  if (cancelled) return accept(cancelled, events);
  const lines = after.lines;
  if (lines.some((l) => l.pendingTransferId !== null)) {
    const arrivals = r.resourced.map((x) => x.expectedArrivalAt.getTime());
    const readyBy = new Date(Math.max(...arrivals, f.readyBy?.getTime() ?? 0));
    const state = moved(after, 'AWAITING_TRANSFER', ctx.now, { readyBy });
    return accept(state, [...events, ...notification(state, 'delivery-delayed', ctx)]);
  }
  if (lines.every((l) => l.pickedQuantity === remainingQuantity(l))) return packed(after, lines, ctx, events);
  return accept(moved(after, 'PICKING', ctx.now), events);
}

/** inventory.transfer-received at the shipping location: once no transfer is pending, the arrived units are picked. */
export function deliveryTransferArrived(f: DeliveryFulfilment, transferId: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'transfersArrived');
  if (refused(to)) return to;
  if (!f.lines.some((l) => l.pendingTransferId === transferId))
    return refuse('ORDER.INVALID_TRANSITION', `transfer ${transferId} is not pending for delivery ${f.id}`);
  const lines = f.lines.map((l) => (l.pendingTransferId === transferId ? { ...l, pendingTransferId: null, sourceLocationId: f.storeId } : l));
  const waiting = lines.some((l) => l.pendingTransferId !== null);
  const status = waiting ? 'AWAITING_TRANSFER' : to;
  const arrived = event(OrderTransferArrivedV1, {
    orderId: f.orderId,
    fulfilmentId: f.id,
    storeId: locationOf(f),
    transferId,
    status,
    arrivedAt: ctx.now.toISOString(),
  });
  return accept(waiting ? { ...f, lines, updatedAt: ctx.now } : moved(f, to, ctx.now, { lines }), [arrived]);
}

/** The carrier took the parcel: the units leave the location and the payment is captured (unless paid when placed). */
export function shipDelivery(f: DeliveryFulfilment, carrier: string, trackingNumber: string, ctx: DecisionContext): DeliveryDecision {
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

export function confirmDelivered(f: DeliveryFulfilment, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'deliver');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { deliveredAt: ctx.now });
  return accept(state, [
    event(OrderDeliveredV1, { orderId: f.orderId, fulfilmentId: f.id, deliveredAt: ctx.now.toISOString() }),
    ...notification(state, 'order-delivered', ctx),
  ]);
}

/** Refused at the door or lost by the carrier: the customer gets their money back. */
export function failDelivery(f: DeliveryFulfilment, reason: DeliveryFailure, ctx: DecisionContext): DeliveryDecision {
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
export function cancelDelivery(f: DeliveryFulfilment, by: CancelledBy, reason: string, ctx: DecisionContext): DeliveryDecision {
  const to = fire(f, 'cancel');
  if (refused(to)) return to;
  const state = moved(f, to, ctx.now, { cancelledBy: by, cancellationReason: reason, cancelledAt: ctx.now });
  const events: PendingEvent[] = [
    event(OrderCancelledV1, {
      orderId: f.orderId,
      fulfilmentId: f.id,
      lineIds: lineIdsOf(f),
      storeId: locationOf(f),
      cancelledBy: by,
      reason,
      cancelledAt: ctx.now.toISOString(),
    }),
    ...refund(f, remainingAmount(f), 'ORDER.CANCELLED', ctx),
    ...notification(state, 'order-cancelled', ctx),
  ];
  return accept(state, events);
}
