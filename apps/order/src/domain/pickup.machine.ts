import {
  accept,
  Decision,
  event,
  OrderCancelledV1,
  OrderConfirmedV1,
  OrderExpiredV1,
  OrderPickingStartedV1,
  OrderReadyForPickupV1,
  OrderRejectedV1,
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  OrderPartiallyReadyV1,
  PendingEvent,
  refuse,
} from '@omni/contracts';
import { CancelledBy, Fulfilment, OrderLine, PickupFulfilment, remainingAmount, remainingQuantity } from './order';
import { PickupStatus } from './order-status';
import { DecisionContext, lineIdsOf, locationOf, moved, notification, refund, settleShortPick, ShortPickResolution } from './group-effects';
import { mayFire, Transitions } from './transitions';

export type PickupTrigger =
  | 'preorder'
  | 'allocate'
  | 'release'
  | 'reserve'
  | 'awaitTransfer'
  | 'reject'
  | 'cancel'
  | 'transfersArrived'
  | 'startPicking'
  | 'pickedAll'
  | 'shortPick'
  | 'resolved'
  | 'collect'
  | 'expire';

export const PICKUP_TRIGGERS: readonly PickupTrigger[] = [
  'preorder',
  'allocate',
  'release',
  'reserve',
  'awaitTransfer',
  'reject',
  'cancel',
  'transfersArrived',
  'startPicking',
  'pickedAll',
  'shortPick',
  'resolved',
  'collect',
  'expire',
];

/**
 * The pickup lifecycle as data (docs/click-and-collect.md, Order service): which trigger may move
 * which state to which states. Anything not listed is refused with ORDER.INVALID_TRANSITION.
 */
export const PICKUP_TRANSITIONS: Transitions<PickupStatus, PickupTrigger> = {
  PLACED: { reserve: ['RESERVED'], awaitTransfer: ['AWAITING_TRANSFER'], preorder: ['PREORDERED'], reject: ['REJECTED'], cancel: ['CANCELLED'] },
  // Preorders (docs/preorders.md): in line until units are allocated, held until the release date.
  PREORDERED: { allocate: ['ALLOCATED', 'AWAITING_TRANSFER', 'READY_FOR_PICKUP'], cancel: ['CANCELLED'] },
  ALLOCATED: { release: ['READY_FOR_PICKUP'], cancel: ['CANCELLED'] },
  AWAITING_TRANSFER: { transfersArrived: ['RESERVED', 'ALLOCATED', 'READY_FOR_PICKUP'], cancel: ['CANCELLED'] },
  RESERVED: { startPicking: ['PICKING'], cancel: ['CANCELLED'] },
  PICKING: { pickedAll: ['READY_FOR_PICKUP'], shortPick: ['RESOURCING'], cancel: ['CANCELLED'] },
  RESOURCING: { resolved: ['READY_FOR_PICKUP', 'PARTIALLY_READY', 'CANCELLED'], cancel: ['CANCELLED'] },
  PARTIALLY_READY: { transfersArrived: ['PICKING'], cancel: ['CANCELLED'] },
  READY_FOR_PICKUP: { collect: ['COLLECTED'], expire: ['EXPIRED'], cancel: ['CANCELLED'] },
  COLLECTED: {},
  EXPIRED: {},
  CANCELLED: {},
  REJECTED: {},
};

export function isFinal(status: PickupStatus): boolean {
  return Object.keys(PICKUP_TRANSITIONS[status]).length === 0;
}

export function canFire(status: PickupStatus, trigger: PickupTrigger, to?: PickupStatus): boolean {
  return mayFire(PICKUP_TRANSITIONS, status, trigger, to);
}

export type PickupRefusal =
  | 'ORDER.INVALID_TRANSITION'
  | 'ORDER.WRONG_STORE'
  | 'PICKUP.CODE_INVALID'
  | 'PICKUP.LOCKED'
  | 'PICKUP.NOT_LOCKED'
  | 'PICKUP.IDENTITY_UNVERIFIABLE'
  | 'PICKUP.IDENTITY_MISMATCH'
  | 'PICK.UNKNOWN_LINE'
  | 'PICK.QUANTITY_EXCEEDED';

/** A freshly drawn pickup code with its salted hash; drawn outside, because randomness is not pure. */
export interface NewPickupCode {
  readonly code: string;
  readonly hash: string;
  readonly salt: string;
}

export type PickupDecision = Decision<PickupFulfilment, PickupRefusal>;

const DAY_MS = 24 * 3600 * 1000;

export function invalid(o: Fulfilment, trigger: PickupTrigger): Decision<never, PickupRefusal> {
  return refuse('ORDER.INVALID_TRANSITION', `${trigger} is not allowed when the order is ${o.status}`);
}

/** Store endpoints act only on the store's own orders. */
export function checkStore(o: Fulfilment, storeId: string): Decision<Fulfilment, PickupRefusal> {
  if (o.storeId !== storeId) return refuse('ORDER.WRONG_STORE', `order ${o.orderId} belongs to another store`);
  return accept(o);
}

export interface ReservationResult {
  readonly lines: readonly { lineId: string; sourceLocationId: string; transferId: string | null }[];
  readonly readyBy: Date;
  readonly pickupHoldDays: number;
}

/**
 * inventory.reserved: every line is held, at the store or on its way there. The event names a
 * group, not its kind: only a pickup is confirmed this way (a delivery has reserved-for-delivery).
 */
export function confirmReservation(o: Fulfilment, r: ReservationResult, now: Date): PickupDecision {
  const waiting = r.lines.some((l) => l.transferId !== null);
  const trigger: PickupTrigger = waiting ? 'awaitTransfer' : 'reserve';
  if (o.type !== 'pickup' || !canFire(o.status, trigger)) return invalid(o, trigger);
  const byLine = new Map(r.lines.map((l) => [l.lineId, l]));
  const lines = o.lines.map((l) => {
    const res = byLine.get(l.lineId);
    return res ? { ...l, sourceLocationId: res.sourceLocationId, pendingTransferId: res.transferId } : l;
  });
  const state = moved(o, waiting ? 'AWAITING_TRANSFER' : 'RESERVED', now, { lines, readyBy: r.readyBy, pickupHoldDays: r.pickupHoldDays });
  return accept(state, [event(OrderConfirmedV1, { orderId: o.orderId, fulfilmentId: o.id, readyBy: r.readyBy.toISOString(), confirmedAt: now.toISOString() })]);
}

/** inventory.rejected: nothing is reserved; whatever was authorised is released in full. */
export function rejectOrder(o: PickupFulfilment, reason: string, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'reject')) return invalid(o, 'reject');
  const state = moved(o, 'REJECTED', ctx.now, { rejectionReason: reason });
  return accept(state, [
    event(OrderRejectedV1, { orderId: o.orderId, fulfilmentId: o.id, reason, rejectedAt: ctx.now.toISOString() }),
    ...refund(o, remainingAmount(o), 'ORDER.REJECTED', ctx),
  ]);
}

/** inventory.transfer-received: the transfer's units are at the store; the order moves on once none is pending. */
export function transferArrived(o: PickupFulfilment, transferId: string, now: Date): PickupDecision {
  if (!canFire(o.status, 'transfersArrived')) return invalid(o, 'transfersArrived');
  if (!o.lines.some((l) => l.pendingTransferId === transferId)) {
    return refuse('ORDER.INVALID_TRANSITION', `transfer ${transferId} is not pending for order ${o.id}`);
  }
  const lines = o.lines.map((l) => (l.pendingTransferId === transferId ? { ...l, pendingTransferId: null, sourceLocationId: o.storeId } : l));
  const arrived = (status: PickupStatus) =>
    event(OrderTransferArrivedV1, { orderId: o.orderId, fulfilmentId: o.id, storeId: locationOf(o), transferId, status, arrivedAt: now.toISOString() });
  if (lines.some((l) => l.pendingTransferId !== null)) return accept({ ...o, lines, updatedAt: now }, [arrived(o.status)]);
  // The first target: RESERVED from AWAITING_TRANSFER, PICKING from PARTIALLY_READY (preorders go through preorder.machine).
  const [next] = PICKUP_TRANSITIONS[o.status].transfersArrived!;
  return accept(moved(o, next, now, { lines }), [arrived(next)]);
}

export function startPicking(o: PickupFulfilment, now: Date): PickupDecision {
  if (!canFire(o.status, 'startPicking')) return invalid(o, 'startPicking');
  const state = moved(o, 'PICKING', now);
  return accept(state, [event(OrderPickingStartedV1, { orderId: o.orderId, fulfilmentId: o.id, storeId: locationOf(o), startedAt: now.toISOString() })]);
}

export interface PickReport {
  readonly lineId: string;
  /** Units found for the line in total. Fewer than the line still owes is a short pick. */
  readonly pickedQuantity: number;
}

export function readyForPickup(
  o: PickupFulfilment,
  lines: readonly OrderLine[],
  code: NewPickupCode,
  ctx: DecisionContext,
  events: PendingEvent[],
): PickupDecision {
  // Hold days come with inventory.reserved; an order cannot reach picking without them, 1 is only a floor.
  const pickupDeadline = new Date(ctx.now.getTime() + (o.pickupHoldDays ?? 1) * DAY_MS);
  const state = moved(o, 'READY_FOR_PICKUP', ctx.now, {
    lines,
    pickupDeadline,
    pickupCode: { hash: code.hash, salt: code.salt },
    failedCodeAttempts: 0,
    readyAt: ctx.now,
  });
  return accept(state, [
    ...events,
    event(OrderReadyForPickupV1, {
      orderId: o.orderId,
      fulfilmentId: o.id,
      storeId: locationOf(o),
      lines: lines.filter((l) => remainingQuantity(l) > 0).map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: remainingQuantity(l) })),
      pickupDeadline: pickupDeadline.toISOString(),
      readyAt: ctx.now.toISOString(),
    }),
    ...notification(state, 'pickup-ready', ctx, { pickupCode: code.code }),
  ]);
}

const allPicked = (lines: readonly OrderLine[]) => lines.every((l) => l.pickedQuantity === remainingQuantity(l));

/**
 * The store reports what it found. Each reported line is final for now: fewer units than owed is
 * a short pick (the order waits for inventory to re-source); lines not reported are still to pick.
 */
export function recordPicks(o: PickupFulfilment, picks: readonly PickReport[], code: NewPickupCode, ctx: DecisionContext): PickupDecision {
  if (o.status !== 'PICKING') return invalid(o, 'pickedAll');
  const reported = new Map<string, number>();
  for (const p of picks) {
    const line = o.lines.find((l) => l.lineId === p.lineId);
    if (!line) return refuse('PICK.UNKNOWN_LINE', `order ${o.id} has no line ${p.lineId}`);
    if (p.pickedQuantity > remainingQuantity(line)) return refuse('PICK.QUANTITY_EXCEEDED', `line ${p.lineId} owes ${remainingQuantity(line)} units`);
    reported.set(p.lineId, p.pickedQuantity);
  }
  const lines = o.lines.map((l) => (reported.has(l.lineId) ? { ...l, pickedQuantity: reported.get(l.lineId)! } : l));
  const short = lines.filter((l) => reported.has(l.lineId) && l.pickedQuantity < remainingQuantity(l));
  if (short.length > 0) {
    const state = moved(o, 'RESOURCING', ctx.now, { lines });
    return accept(state, [
      event(OrderShortPickedV1, {
        orderId: o.orderId,
        fulfilmentId: o.id,
        storeId: locationOf(o),
        lines: short.map((l) => ({ lineId: l.lineId, sku: l.sku, missingQuantity: remainingQuantity(l) - l.pickedQuantity })),
        shortPickedAt: ctx.now.toISOString(),
      }),
    ]);
  }
  if (allPicked(lines)) return readyForPickup(o, lines, code, ctx, []);
  return accept({ ...o, lines, updatedAt: ctx.now });
}

/**
 * inventory.short-pick-resolved for a pickup (`settleShortPick`): re-sourced units keep the order
 * PARTIALLY_READY until their transfer arrives; with everything left picked it is ready.
 */
export function resolveShortPick(o: PickupFulfilment, r: ShortPickResolution, code: NewPickupCode, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'resolved')) return invalid(o, 'resolved');
  const { after, events, cancelled } = settleShortPick(o, r, ctx);
  if (cancelled) return accept(cancelled, events);
  const lines = after.lines;
  if (lines.some((l) => l.pendingTransferId !== null)) {
    const arrivals = r.resourced.map((x) => x.expectedArrivalAt.getTime());
    const readyBy = arrivals.length > 0 ? new Date(Math.max(...arrivals, o.readyBy?.getTime() ?? 0)) : o.readyBy;
    const state = moved(after, 'PARTIALLY_READY', ctx.now, { readyBy });
    events.push(
      event(OrderPartiallyReadyV1, {
        orderId: o.orderId,
        fulfilmentId: o.id,
        storeId: locationOf(o),
        waitingLines: lines.filter((l) => l.pendingTransferId !== null).map((l) => ({ lineId: l.lineId, sku: l.sku, transferId: l.pendingTransferId! })),
        readyBy: (readyBy ?? ctx.now).toISOString(),
        at: ctx.now.toISOString(),
      }),
    );
    events.push(...notification(state, 'pickup-delayed', ctx));
    return accept(state, events);
  }
  if (allPicked(lines)) return readyForPickup(after, lines, code, ctx, events);
  return refuse('ORDER.INVALID_TRANSITION', `the resolution leaves units of order ${o.orderId} neither re-sourced nor cancelled`);
}

/** The pickup deadline passed; `ctx.now` is the sweeper's clock, the deadline is the order's. */
export function expireOrder(o: Fulfilment, ctx: DecisionContext): PickupDecision {
  // The sweeper hands in a group of any kind; only a pickup has a deadline to miss.
  if (o.type !== 'pickup' || !canFire(o.status, 'expire')) return invalid(o, 'expire');
  if (!o.pickupDeadline || o.pickupDeadline.getTime() > ctx.now.getTime()) {
    return refuse('ORDER.INVALID_TRANSITION', `the pickup deadline of order ${o.id} has not passed`);
  }
  const state = moved(o, 'EXPIRED', ctx.now, { expiredAt: ctx.now });
  return accept(state, [
    event(OrderExpiredV1, {
      orderId: o.orderId,
      fulfilmentId: o.id,
      lineIds: lineIdsOf(o),
      storeId: locationOf(o),
      pickupDeadline: o.pickupDeadline.toISOString(),
      expiredAt: ctx.now.toISOString(),
    }),
    ...refund(o, remainingAmount(o), 'ORDER.EXPIRED', ctx),
    ...notification(state, 'pickup-expired', ctx),
  ]);
}

/**
 * The reminder of a ready pickup, due `beforeMs` before its deadline: once per group, never after
 * the deadline, and only when the group became ready before the reminder was due (a short hold
 * does not get a reminder on the heels of its pickup-ready notice). The pickup code is kept only
 * hashed, so the notice carries the deadline, not the code.
 */
export function remindPickup(o: Fulfilment, beforeMs: number, ctx: DecisionContext): PickupDecision {
  if (o.type !== 'pickup' || o.status !== 'READY_FOR_PICKUP' || !o.pickupDeadline || !o.readyAt)
    return refuse('ORDER.INVALID_TRANSITION', `order ${o.id} is ${o.status}, not waiting for its customer`);
  if (o.remindedAt) return refuse('ORDER.INVALID_TRANSITION', `order ${o.id} was reminded at ${o.remindedAt.toISOString()}`);
  const dueAt = o.pickupDeadline.getTime() - beforeMs;
  if (ctx.now.getTime() < dueAt || ctx.now.getTime() >= o.pickupDeadline.getTime() || o.readyAt.getTime() >= dueAt) {
    return refuse('ORDER.INVALID_TRANSITION', `no reminder is due for order ${o.id}`);
  }
  const state: PickupFulfilment = { ...o, remindedAt: ctx.now, updatedAt: ctx.now };
  return accept(state, notification(state, 'pickup-reminder', ctx));
}

/** Cancellation before collection, by the customer, the store or the system (reservation expired). */
export function cancelOrder(o: PickupFulfilment, by: CancelledBy, reason: string, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'cancel')) return invalid(o, 'cancel');
  const state = moved(o, 'CANCELLED', ctx.now, { cancelledBy: by, cancellationReason: reason, cancelledAt: ctx.now });
  return accept(state, [
    event(OrderCancelledV1, {
      orderId: o.orderId,
      fulfilmentId: o.id,
      lineIds: lineIdsOf(o),
      storeId: locationOf(o),
      cancelledBy: by,
      reason,
      cancelledAt: ctx.now.toISOString(),
    }),
    ...refund(o, remainingAmount(o), 'ORDER.CANCELLED', ctx),
    ...notification(state, 'order-cancelled', ctx),
  ]);
}
