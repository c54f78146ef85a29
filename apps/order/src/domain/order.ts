import { accept, Channel, Decision, event, OrderPlacedV1 } from '@omni/contracts';

export type OrderStatus =
  | 'PLACED'
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

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PLACED',
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

export type CancelledBy = 'customer' | 'store' | 'system';

export interface OrderLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** Units the store has found for this line (absolute, not an increment). */
  readonly pickedQuantity: number;
  /** Units that can be supplied from nowhere; refunded and never picked. */
  readonly cancelledQuantity: number;
  /** Where the line's units are reserved; null until inventory answers. */
  readonly sourceLocationId: string | null;
  /** A transfer still bringing units of this line to the store. */
  readonly pendingTransferId: string | null;
}

/** What the store keeps about the pickup code: never the code itself. */
export interface PickupCodeHash {
  readonly hash: string;
  readonly salt: string;
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
  readonly readyBy: Date | null;
  readonly pickupHoldDays: number | null;
  readonly pickupCode: PickupCodeHash | null;
  readonly pickupDeadline: Date | null;
  readonly failedCodeAttempts: number;
  readonly readyAt: Date | null;
  readonly collectedAt: Date | null;
  readonly cancelledBy: CancelledBy | null;
  readonly cancellationReason: string | null;
  readonly cancelledAt: Date | null;
  readonly expiredAt: Date | null;
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
    lines: mergeLines(input.lines).map((l, i) => ({
      lineId: ids.lineIds[i],
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      pickedQuantity: 0,
      cancelledQuantity: 0,
      sourceLocationId: null,
      pendingTransferId: null,
    })),
    placedAt: now,
    updatedAt: now,
    rejectionReason: null,
    readyBy: null,
    pickupHoldDays: null,
    pickupCode: null,
    pickupDeadline: null,
    failedCodeAttempts: 0,
    readyAt: null,
    collectedAt: null,
    cancelledBy: null,
    cancellationReason: null,
    cancelledAt: null,
    expiredAt: null,
  };
  return accept(order, [
    event(OrderPlacedV1, {
      orderId: order.id,
      channel: order.channel,
      storeId: order.storeId,
      customerId: order.customerId,
      currency: order.currency,
      lines: order.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
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

/** Units of a line still owed to the customer. */
export function remainingQuantity(l: OrderLine): number {
  return l.quantity - l.cancelledQuantity;
}

/** What the customer still pays for: every unit not cancelled, at its unit price. */
export function remainingAmount(o: Order): number {
  return o.lines.reduce((sum, l) => sum + remainingQuantity(l) * l.unitPrice, 0);
}
