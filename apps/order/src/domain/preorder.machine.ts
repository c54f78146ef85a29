import {
  accept,
  Decision,
  event,
  OrderDeliveryAssignedV1,
  OrderPreorderAllocatedV1,
  OrderPreorderedV1,
  OrderPreorderRescheduledV1,
  PendingEvent,
  refuse,
} from '@omni/contracts';
import { Fulfilment, OrderLine } from './order';
import { NewPickupCode, PickupRefusal, readyForPickup } from './pickup.machine';
import { canFireOn } from './fulfilment';
import { DecisionContext, moved, notification } from './group-effects';

/**
 * Preorders (docs/preorders.md): a group for products not released yet. It waits in line
 * (PREORDERED) until inventory allocates its units (ALLOCATED, or AWAITING_TRANSFER while they
 * travel from a warehouse), and is released on the release date — or when the units arrive, if
 * that is later. A pickup is then READY_FOR_PICKUP and goes on as click & collect; a delivery
 * waits in line at the warehouse that will ship it and is then RESERVED there for picking, and
 * goes on as a home delivery.
 */
type PreorderDecision = Decision<Fulfilment, PickupRefusal>;

/**
 * A delivery preorder is still a preorder until it is released for picking (readyAt); after that
 * its transfers (a short pick re-sourced) are a home delivery's.
 */
export function awaitsRelease(f: Fulfilment): boolean {
  return f.releaseAt !== null && f.readyAt === null;
}

const invalid = (f: Fulfilment, trigger: string): PreorderDecision =>
  refuse('ORDER.INVALID_TRANSITION', `${trigger} is not allowed when the preorder is ${f.status}`);
const time = (d: Date | null | undefined) => d?.getTime() ?? null;

/** The later of the release date and every line's expected arrival; null while a waiting line has no date. */
export function availability(f: Pick<Fulfilment, 'releaseAt' | 'lines'>): Date | null {
  const waiting = f.lines.filter((l) => l.sourceLocationId === null);
  if (waiting.some((l) => !l.estimatedAt)) return null;
  const latest = Math.max(f.releaseAt?.getTime() ?? 0, ...waiting.map((l) => l.estimatedAt!.getTime()));
  return new Date(latest);
}

function released(f: Fulfilment, now: Date): boolean {
  return f.releaseAt !== null && f.releaseAt.getTime() <= now.getTime();
}

/**
 * Released with every unit where it goes out. A pickup's units are picked by definition (nobody
 * else may take them), so it is ready for pickup; a delivery's are RESERVED at its warehouse and
 * join its pick list (order.delivery-assigned, as for any delivery reserved where it ships from).
 */
function ready(f: Fulfilment, code: NewPickupCode, ctx: DecisionContext, events: PendingEvent[]): PreorderDecision {
  if (f.type === 'delivery') {
    const lines = f.lines.map((l) => ({ ...l, queuePosition: null }));
    const state = moved(f, 'RESERVED', ctx.now, { lines, readyAt: ctx.now });
    const assigned = event(OrderDeliveryAssignedV1, {
      orderId: f.orderId,
      fulfilments: [{ fulfilmentId: f.id, locationId: f.storeId!, lineIds: f.lines.map((l) => l.lineId) }],
      assignedAt: ctx.now.toISOString(),
    });
    return accept(state, [...events, assigned]);
  }
  const lines = f.lines.map((l) => ({ ...l, pickedQuantity: l.quantity - l.cancelledQuantity, queuePosition: null }));
  return readyForPickup(f, lines, code, ctx, events);
}

export interface QueuedLine {
  readonly lineId: string;
  readonly position: number;
  readonly estimatedAt: Date | null;
}

/** inventory.preorder-queued: the preorder is in line at its store, or (a delivery) at the warehouse that will ship it. */
export function queuePreorder(f: Fulfilment, queued: readonly QueuedLine[], locationId: string, ctx: DecisionContext): PreorderDecision {
  if (f.releaseAt === null || !canFireOn(f, 'preorder')) return invalid(f, 'preorder');
  if (f.type === 'pickup' && f.storeId !== locationId)
    return refuse('ORDER.INVALID_TRANSITION', `preorder ${f.id} is collected at ${f.storeId}, not ${locationId}`);
  const byLine = new Map(queued.map((q) => [q.lineId, q]));
  const lines = f.lines.map((l) =>
    byLine.has(l.lineId) ? { ...l, queuePosition: byLine.get(l.lineId)!.position, estimatedAt: byLine.get(l.lineId)!.estimatedAt } : l,
  );
  const estimate = availability({ releaseAt: f.releaseAt, lines });
  const state = moved(f, 'PREORDERED', ctx.now, { lines, estimatedAvailableAt: estimate, storeId: locationId });
  return accept(state, [
    event(OrderPreorderedV1, {
      orderId: f.orderId,
      fulfilmentId: f.id,
      storeId: locationId,
      releaseAt: f.releaseAt.toISOString(),
      lines: lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, position: l.queuePosition ?? 1 })),
      estimatedAvailableAt: estimate?.toISOString() ?? null,
      preorderedAt: ctx.now.toISOString(),
    }),
    ...notification(state, 'preorder-confirmed', ctx, { readyBy: estimate?.toISOString() ?? null }),
  ]);
}

export interface AllocatedLine {
  readonly lineId: string;
  readonly sourceLocationId: string;
  readonly transferId: string | null;
}

/**
 * inventory.preorder-allocated: units went to these lines in their turn. Once every line has its
 * units the group is ALLOCATED (held until the release date), AWAITING_TRANSFER (units on their
 * way), or READY_FOR_PICKUP at once when the release date has passed and the units are there.
 */
export function allocatePreorder(
  f: Fulfilment,
  allocated: readonly AllocatedLine[],
  pickupHoldDays: number,
  code: NewPickupCode,
  ctx: DecisionContext,
): PreorderDecision {
  if (f.releaseAt === null || !canFireOn(f, 'allocate')) return invalid(f, 'allocate');
  const byLine = new Map(allocated.map((a) => [a.lineId, a]));
  if (allocated.some((a) => !f.lines.some((l) => l.lineId === a.lineId)))
    return refuse('ORDER.INVALID_TRANSITION', `the allocation names lines preorder ${f.id} does not have`);
  const lines: OrderLine[] = f.lines.map((l) => {
    const a = byLine.get(l.lineId);
    return a ? { ...l, sourceLocationId: a.sourceLocationId, pendingTransferId: a.transferId, queuePosition: null, estimatedAt: null } : l;
  });
  // The hold is a pickup's (it counts once the pickup is ready); a delivery has none.
  const held: Fulfilment = f.type === 'pickup' ? { ...f, lines, pickupHoldDays, updatedAt: ctx.now } : { ...f, lines, updatedAt: ctx.now };
  if (lines.some((l) => l.sourceLocationId === null)) return accept({ ...held, estimatedAvailableAt: availability(held) });
  const status: 'ALLOCATED' | 'AWAITING_TRANSFER' = lines.some((l) => l.pendingTransferId !== null) ? 'AWAITING_TRANSFER' : 'ALLOCATED';
  const allocatedEvent = event(OrderPreorderAllocatedV1, {
    orderId: f.orderId,
    fulfilmentId: f.id,
    storeId: f.storeId!,
    status,
    releaseAt: f.releaseAt.toISOString(),
    allocatedAt: ctx.now.toISOString(),
  });
  if (status === 'ALLOCATED' && released(f, ctx.now)) return ready(held, code, ctx, [allocatedEvent]);
  return accept(moved(held, status, ctx.now, { estimatedAvailableAt: status === 'ALLOCATED' ? f.releaseAt : f.estimatedAvailableAt }), [allocatedEvent]);
}

/**
 * inventory.transfer-received for a preorder: its units are at the store (order.preorder-allocated
 * says so, ALLOCATED); held until the release date unless that has passed.
 */
export function preorderTransferArrived(f: Fulfilment, transferId: string, code: NewPickupCode, ctx: DecisionContext): PreorderDecision {
  // Part of a line's units, from one of several warehouses, while the line is still in line:
  // nothing changes here until inventory announces the line (docs/preorders.md).
  if (f.releaseAt !== null && f.status === 'PREORDERED' && !f.lines.some((l) => l.pendingTransferId === transferId)) return accept(f);
  if (f.releaseAt === null || !canFireOn(f, 'transfersArrived')) return invalid(f, 'transfersArrived');
  if (!f.lines.some((l) => l.pendingTransferId === transferId))
    return refuse('ORDER.INVALID_TRANSITION', `transfer ${transferId} is not pending for preorder ${f.id}`);
  const lines = f.lines.map((l) => (l.pendingTransferId === transferId ? { ...l, pendingTransferId: null, sourceLocationId: f.storeId } : l));
  if (lines.some((l) => l.pendingTransferId !== null)) return accept({ ...f, lines, updatedAt: ctx.now });
  const held = { ...f, lines, updatedAt: ctx.now };
  const atStore = event(OrderPreorderAllocatedV1, {
    orderId: f.orderId,
    fulfilmentId: f.id,
    storeId: f.storeId!,
    status: 'ALLOCATED',
    releaseAt: f.releaseAt.toISOString(),
    allocatedAt: ctx.now.toISOString(),
  });
  if (released(f, ctx.now)) return ready(held, code, ctx, [atStore]);
  return accept(moved(held, 'ALLOCATED', ctx.now, { estimatedAvailableAt: f.releaseAt }), [atStore]);
}

/** The release date came (the sweeper's clock, kept in the database): an allocated preorder is ready with a code and a deadline. */
export function releasePreorder(f: Fulfilment, code: NewPickupCode, ctx: DecisionContext): PreorderDecision {
  if (!canFireOn(f, 'release')) return invalid(f, 'release');
  if (!released(f, ctx.now)) return refuse('ORDER.INVALID_TRANSITION', `preorder ${f.id} is not released before ${f.releaseAt?.toISOString()}`);
  return ready(f, code, ctx, []);
}

export interface LineEstimate {
  readonly lineId: string;
  readonly position: number;
  readonly estimatedAt: Date | null;
}

/**
 * New places in line or expected dates (inventory.preorder-estimated), or a new release date:
 * the group's availability is recomputed; a change is an event, and a new date — later (or none
 * any more), or sooner — asks the notifier to tell the customer; a new place in line alone does not.
 */
export function reschedule(f: Fulfilment, change: { lines?: readonly LineEstimate[]; releaseAt?: Date }, ctx: DecisionContext): PreorderDecision {
  if (f.releaseAt === null || !['PREORDERED', 'ALLOCATED', 'AWAITING_TRANSFER'].includes(f.status) || (f.type === 'delivery' && !awaitsRelease(f)))
    return invalid(f, 'reschedule');
  const byLine = new Map((change.lines ?? []).map((e) => [e.lineId, e]));
  const lines = f.lines.map((l) =>
    byLine.has(l.lineId) && l.sourceLocationId === null
      ? { ...l, queuePosition: byLine.get(l.lineId)!.position, estimatedAt: byLine.get(l.lineId)!.estimatedAt }
      : l,
  );
  const releaseAt = change.releaseAt ?? f.releaseAt;
  const estimate = f.status === 'PREORDERED' ? availability({ releaseAt, lines }) : f.status === 'ALLOCATED' ? releaseAt : f.estimatedAvailableAt;
  const positionOf = (ls: readonly OrderLine[]) => Math.max(0, ...ls.map((l) => l.queuePosition ?? 0)) || null;
  const next = { ...f, lines, releaseAt, estimatedAvailableAt: estimate, updatedAt: ctx.now };
  const moves = time(estimate) !== time(f.estimatedAvailableAt) || positionOf(lines) !== positionOf(f.lines) || time(releaseAt) !== time(f.releaseAt);
  if (!moves) return accept(next);
  const later = estimate === null ? f.estimatedAvailableAt !== null : f.estimatedAvailableAt !== null && estimate.getTime() > f.estimatedAvailableAt.getTime();
  const events: PendingEvent[] = [
    event(OrderPreorderRescheduledV1, {
      orderId: f.orderId,
      fulfilmentId: f.id,
      position: f.status === 'PREORDERED' ? positionOf(lines) : null,
      releaseAt: releaseAt.toISOString(),
      previousEstimate: f.estimatedAvailableAt?.toISOString() ?? null,
      estimatedAvailableAt: estimate?.toISOString() ?? null,
      cause: change.releaseAt ? 'RELEASE_DATE' : 'SUPPLY',
      at: ctx.now.toISOString(),
    }),
  ];
  // The customer hears of a new date either way: later (or none any more), or sooner, or a first one.
  const sooner = estimate !== null && (f.estimatedAvailableAt === null || estimate.getTime() < f.estimatedAvailableAt.getTime());
  if (later) events.push(...notification(next, 'preorder-delayed', ctx, { readyBy: estimate?.toISOString() ?? null }));
  else if (sooner) events.push(...notification(next, 'preorder-advanced', ctx, { readyBy: estimate.toISOString() }));
  return accept(next, events);
}
