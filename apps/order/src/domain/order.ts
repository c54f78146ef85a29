import { accept, Channel, Decision, event, OrderConfirmedV1, OrderPlacedV1, OrderRejectedV1, refuse } from '@omni/contracts';

export type OrderStatus = 'PLACED' | 'CONFIRMED' | 'REJECTED';
export type OrderTrigger = 'confirm' | 'reject';

/** The order lifecycle as data: which trigger moves which state where. Anything else is refused. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderTrigger, OrderStatus>>>> = {
  PLACED: { confirm: 'CONFIRMED', reject: 'REJECTED' },
  CONFIRMED: {},
  REJECTED: {},
};

export type OrderRefusal = 'ORDER.INVALID_TRANSITION';

export interface OrderLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface Order {
  readonly id: string;
  readonly channel: Channel;
  readonly storeId: string;
  readonly customerId: string | null;
  readonly currency: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly placedAt: Date;
  readonly updatedAt: Date;
  readonly rejectionReason: string | null;
}

export interface PlaceOrderInput {
  readonly channel: Channel;
  readonly storeId: string;
  readonly customerId: string | null;
  readonly currency: string;
  readonly lines: readonly { sku: string; quantity: number; unitPrice: number }[];
}

/** Ids and clock come from outside, so the decision is a pure function. */
export function placeOrder(input: PlaceOrderInput, ids: { orderId: string; lineIds: readonly string[] }, now: Date): Decision<Order, never> {
  const order: Order = {
    id: ids.orderId,
    channel: input.channel,
    storeId: input.storeId,
    customerId: input.customerId,
    currency: input.currency,
    status: 'PLACED',
    lines: mergeLines(input.lines).map((l, i) => ({ lineId: ids.lineIds[i], sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
    placedAt: now,
    updatedAt: now,
    rejectionReason: null,
  };
  return accept(order, [
    event(OrderPlacedV1, {
      orderId: order.id,
      channel: order.channel,
      storeId: order.storeId,
      customerId: order.customerId,
      currency: order.currency,
      lines: order.lines.map((l) => ({ ...l })),
      placedAt: now.toISOString(),
    }),
  ]);
}

/** Two lines for one SKU at one price are one line: reservations are per SKU. */
export function mergeLines<L extends { sku: string; quantity: number; unitPrice: number }>(lines: readonly L[]): { sku: string; quantity: number; unitPrice: number }[] {
  const merged = new Map<string, { sku: string; quantity: number; unitPrice: number }>();
  for (const l of lines) {
    const key = `${l.sku}@${l.unitPrice}`;
    const m = merged.get(key);
    if (m) m.quantity += l.quantity;
    else merged.set(key, { sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice });
  }
  return [...merged.values()];
}

function transition(order: Order, trigger: OrderTrigger): OrderStatus | null {
  return ORDER_TRANSITIONS[order.status][trigger] ?? null;
}

export function confirmOrder(order: Order, readyBy: Date, now: Date): Decision<Order, OrderRefusal> {
  const next = transition(order, 'confirm');
  if (!next) return refuse('ORDER.INVALID_TRANSITION', `cannot confirm an order that is ${order.status}`);
  const state: Order = { ...order, status: next, updatedAt: now };
  return accept(state, [event(OrderConfirmedV1, { orderId: order.id, readyBy: readyBy.toISOString(), confirmedAt: now.toISOString() })]);
}

export function rejectOrder(order: Order, reason: string, now: Date): Decision<Order, OrderRefusal> {
  const next = transition(order, 'reject');
  if (!next) return refuse('ORDER.INVALID_TRANSITION', `cannot reject an order that is ${order.status}`);
  const state: Order = { ...order, status: next, updatedAt: now, rejectionReason: reason };
  return accept(state, [event(OrderRejectedV1, { orderId: order.id, reason, rejectedAt: now.toISOString() })]);
}
