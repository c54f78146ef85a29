/** States of a pickup group (docs/click-and-collect.md). */
export type PickupStatus =
  | 'PLACED'
  | 'PREORDERED'
  | 'ALLOCATED'
  | 'RESERVED'
  | 'AWAITING_TRANSFER'
  | 'PICKING'
  | 'RESOURCING'
  | 'PARTIALLY_READY'
  | 'READY_FOR_PICKUP'
  | 'COLLECTED'
  | 'EXPIRED'
  | 'CANCELLED'
  | 'REJECTED';

/** States of a delivery group (docs/fulfilment.md). */
export type DeliveryStatus =
  | 'PLACED'
  | 'PREORDERED'
  | 'ALLOCATED'
  | 'RESERVED'
  | 'PICKING'
  | 'RESOURCING'
  | 'AWAITING_TRANSFER'
  | 'PACKED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'CANCELLED'
  | 'REJECTED';

export type FulfilmentStatus = PickupStatus | DeliveryStatus;

/**
 * The order's own state summarises its groups: the groups' state when they all share one, else
 * IN_PROGRESS, PARTIALLY_FULFILLED (some handed over, others still open), COMPLETED (all closed,
 * something handed over) or CLOSED (all closed, nothing handed over).
 */
export type OrderStatus = FulfilmentStatus | 'IN_PROGRESS' | 'PARTIALLY_FULFILLED' | 'COMPLETED' | 'CLOSED';

export const PICKUP_STATUSES: readonly PickupStatus[] = [
  'PLACED',
  'PREORDERED',
  'ALLOCATED',
  'RESERVED',
  'AWAITING_TRANSFER',
  'PICKING',
  'RESOURCING',
  'PARTIALLY_READY',
  'READY_FOR_PICKUP',
  'COLLECTED',
  'EXPIRED',
  'CANCELLED',
  'REJECTED',
];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'PLACED',
  'PREORDERED',
  'ALLOCATED',
  'RESERVED',
  'PICKING',
  'RESOURCING',
  'AWAITING_TRANSFER',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'DELIVERY_FAILED',
  'CANCELLED',
  'REJECTED',
];

export const FULFILMENT_STATUSES: readonly FulfilmentStatus[] = [
  'PLACED',
  'PREORDERED',
  'ALLOCATED',
  'RESERVED',
  'AWAITING_TRANSFER',
  'PICKING',
  'RESOURCING',
  'PARTIALLY_READY',
  'READY_FOR_PICKUP',
  'COLLECTED',
  'EXPIRED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'DELIVERY_FAILED',
  'CANCELLED',
  'REJECTED',
];

export const ORDER_STATUSES: readonly OrderStatus[] = [...FULFILMENT_STATUSES, 'IN_PROGRESS', 'PARTIALLY_FULFILLED', 'COMPLETED', 'CLOSED'];

/** States a group does not leave; HANDED_OVER are the ones where the customer got the goods. */
export const CLOSED_STATUSES: readonly FulfilmentStatus[] = ['COLLECTED', 'EXPIRED', 'DELIVERED', 'DELIVERY_FAILED', 'CANCELLED', 'REJECTED'];
export const HANDED_OVER: readonly FulfilmentStatus[] = ['COLLECTED', 'DELIVERED'];

export function isClosed(status: FulfilmentStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** The order's state from its groups' states (see OrderStatus). */
export function summaryStatus(statuses: readonly FulfilmentStatus[]): OrderStatus {
  const distinct = [...new Set(statuses)];
  if (distinct.length === 1) return distinct[0];
  const handedOver = statuses.some((s) => HANDED_OVER.includes(s));
  if (statuses.every(isClosed)) return handedOver ? 'COMPLETED' : 'CLOSED';
  return handedOver ? 'PARTIALLY_FULFILLED' : 'IN_PROGRESS';
}
