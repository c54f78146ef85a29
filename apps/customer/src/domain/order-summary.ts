import { Channel } from '@omni/contracts';
import { TimelineFact } from './timeline';

/**
 * The open-order view a store associate sees (journey 4): each order's fulfilment groups and the
 * state each is in, folded from the order's timeline facts. Facts without a group apply to every
 * group (events from before fulfilment groups are about the whole order).
 */
export interface GroupSummary {
  readonly fulfilmentId: string;
  readonly type: 'pickup' | 'delivery';
  /** Pickup store, or the location shipping a delivery once known. */
  readonly storeId: string | null;
  readonly status: string;
  readonly readyBy: string | null;
  readonly pickupDeadline: string | null;
}

export interface OrderSummary {
  readonly orderId: string;
  readonly channel: Channel | null;
  readonly placedAt: string | null;
  readonly placedAtStoreId: string | null;
  readonly open: boolean;
  readonly groups: readonly GroupSummary[];
  readonly updatedAt: string;
}

/** The state a fact puts its groups in; absent: the fact changes no state (e.g. a line cancelled). */
const STATUS_AFTER: Record<string, string> = {
  'order.placed': 'PLACED',
  'order.confirmed': 'CONFIRMED',
  'order.rejected': 'REJECTED',
  'order.picking-started': 'PICKING',
  'order.short-picked': 'PICKING',
  'order.partially-ready': 'PARTIALLY_READY',
  'order.ready-for-pickup': 'READY_FOR_PICKUP',
  'order.collected': 'COLLECTED',
  'order.cancelled': 'CANCELLED',
  'order.expired': 'EXPIRED',
  'order.delivery-assigned': 'ASSIGNED',
  'order.packed': 'PACKED',
  'order.shipped': 'SHIPPED',
  'order.delivered': 'DELIVERED',
  'order.delivery-failed': 'DELIVERY_FAILED',
  'order.preordered': 'PREORDERED',
};

/** States a group leaves no more: the order is open while one of its groups is in another. */
export const CLOSED_STATES: ReadonlySet<string> = new Set(['REJECTED', 'COLLECTED', 'CANCELLED', 'EXPIRED', 'DELIVERED', 'DELIVERY_FAILED']);

type MutableGroup = { -readonly [K in keyof GroupSummary]: GroupSummary[K] };

/** Folds one order's facts, oldest first, into its summary. */
export function summariseOrder(orderId: string, facts: readonly TimelineFact[]): OrderSummary {
  const groups = new Map<string, MutableGroup>();
  let channel: Channel | null = null;
  let placedAt: string | null = null;
  let placedAtStoreId: string | null = null;
  let updatedAt = '';
  for (const f of facts) {
    if (f.occurredAt > updatedAt) updatedAt = f.occurredAt;
    if (f.kind === 'order.placed') {
      // The same order published again under another event id must not start it over.
      if (placedAt !== null) continue;
      channel = f.channel;
      placedAt = f.occurredAt;
      placedAtStoreId = (f.details.placedAtStoreId as string | null) ?? null;
      for (const g of f.details.groups as { fulfilmentId: string; type: 'pickup' | 'delivery'; storeId: string | null }[]) {
        groups.set(g.fulfilmentId, { fulfilmentId: g.fulfilmentId, type: g.type, storeId: g.storeId, status: 'PLACED', readyBy: null, pickupDeadline: null });
      }
      continue;
    }
    if (f.kind === 'order.delivery-assigned') {
      // A split adds groups: each location ships its own.
      for (const g of f.details.groups as { fulfilmentId: string; locationId: string }[]) {
        const known = groups.get(g.fulfilmentId);
        groups.set(g.fulfilmentId, {
          ...(known ?? { type: 'delivery', readyBy: null, pickupDeadline: null }),
          fulfilmentId: g.fulfilmentId,
          storeId: g.locationId,
          status: 'ASSIGNED',
        });
      }
      continue;
    }
    const targets = f.fulfilmentId ? [groups.get(f.fulfilmentId)].filter((g) => g !== undefined) : [...groups.values()];
    const status = f.kind === 'order.transfer-arrived' ? (f.details.status as string) : STATUS_AFTER[f.kind];
    for (const g of targets) {
      if (CLOSED_STATES.has(g.status)) continue;
      if (status) g.status = status;
      if (typeof f.details.readyBy === 'string') g.readyBy = f.details.readyBy;
      if (typeof f.details.pickupDeadline === 'string') g.pickupDeadline = f.details.pickupDeadline;
      if (g.type === 'delivery' && f.storeId && !g.storeId) g.storeId = f.storeId;
    }
  }
  const list = [...groups.values()];
  return { orderId, channel, placedAt, placedAtStoreId, open: list.some((g) => !CLOSED_STATES.has(g.status)), groups: list, updatedAt };
}

/** Groups waiting at a store for the customer, or on their way to be. */
export function pickupsOf(orders: readonly OrderSummary[]): (GroupSummary & { orderId: string })[] {
  return orders.flatMap((o) => o.groups.filter((g) => g.type === 'pickup' && !CLOSED_STATES.has(g.status)).map((g) => ({ ...g, orderId: o.orderId })));
}
