import { accept, AddressPayload, CapturedTenderPayload, Channel, ContactPayload, Decision, event, OrderPlacedV2, refuse } from '@omni/contracts';
import { OrderCartPayload, PriceOverride } from '@omni/contracts';
import { DeliveryStatus, OrderStatus, PickupStatus, summaryStatus } from './order-status';

export type CancelledBy = 'customer' | 'store' | 'system';
export type Address = AddressPayload;
export type Contact = ContactPayload;
export type CapturedTender = CapturedTenderPayload;

export interface OrderLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** Units the location has found for this line (absolute, not an increment). */
  readonly pickedQuantity: number;
  /** Units that can be supplied from nowhere; refunded and never picked. */
  readonly cancelledQuantity: number;
  /** Where the line's units are reserved; null until inventory answers. */
  readonly sourceLocationId: string | null;
  /** A transfer still bringing units of this line to the pickup store. */
  readonly pendingTransferId: string | null;
  /** Preorders: the line's place in line for its SKU at the store (gap-free, in placement order). */
  readonly preorderSequence?: number | null;
  /** Preorders: place among those still waiting, and when the units should be there (null: no supply planned). */
  readonly queuePosition?: number | null;
  readonly estimatedAt?: Date | null;
}

/** What the store keeps about the pickup code: never the code itself. */
export interface PickupCodeHash {
  readonly hash: string;
  readonly salt: string;
}

/**
 * What every fulfilment group has: its lines are collected at one store (pickup) or shipped from
 * one location to an address (delivery), with a state of its own. It carries the few facts of the
 * order its decisions need (ids, channel, customer, currency, whether payment was taken already),
 * and what groups of both kinds record: the promised time, when it was ready, a rejection or a
 * cancellation, a preorder's dates. What only one kind records is on that kind (ADR 0031); the
 * group's row keeps every column, the other kind's left as placing writes them.
 */
export interface FulfilmentBase {
  readonly id: string;
  readonly orderId: string;
  readonly channel: Channel;
  readonly customerId: string | null;
  readonly currency: string;
  /** Paid in full when placed (e.g. at a POS): nothing to capture later. */
  readonly prepaid: boolean;
  /** Pickup store; for a delivery, the location shipping it (null until inventory chose one). */
  readonly storeId: string | null;
  readonly lines: readonly OrderLine[];
  readonly updatedAt: Date;
  readonly rejectionReason: string | null;
  /** A pickup's promised time; a delivery's while it waits for a transfer after a short pick. */
  readonly readyBy: Date | null;
  /** When a pickup became ready to collect, or a delivery preorder was released for picking. */
  readonly readyAt: Date | null;
  readonly cancelledBy: CancelledBy | null;
  readonly cancellationReason: string | null;
  readonly cancelledAt: Date | null;
  /** Preorders: not collectable before this; null for any other group. */
  readonly releaseAt: Date | null;
  /** Preorders: the later of the release date and the units' expected arrival (null: no supply planned). */
  readonly estimatedAvailableAt: Date | null;
}

/** A click & collect group: collected at its store (docs/click-and-collect.md). */
export interface PickupFulfilment extends FulfilmentBase {
  readonly type: 'pickup';
  readonly status: PickupStatus;
  readonly pickupHoldDays: number | null;
  readonly pickupCode: PickupCodeHash | null;
  readonly pickupDeadline: Date | null;
  readonly failedCodeAttempts: number;
  /** When the customer was reminded of a ready pickup (once per group), else null. */
  readonly remindedAt: Date | null;
  readonly collectedAt: Date | null;
  readonly expiredAt: Date | null;
}

/** A home delivery group: shipped from one location to an address (docs/fulfilment.md). */
export interface DeliveryFulfilment extends FulfilmentBase {
  readonly type: 'delivery';
  readonly status: DeliveryStatus;
  readonly address: Address | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly packedAt: Date | null;
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly deliveryFailure: string | null;
}

/** One fulfilment group of an order; `type` says which kind, and so which states it has. */
export type Fulfilment = PickupFulfilment | DeliveryFulfilment;

/** States both kinds of group have: the only ones code that does not know a group's kind may move it to. */
export type SharedStatus = PickupStatus & DeliveryStatus;

/**
 * The states a group typed `F` may be moved to: its kind's own, or the shared ones only while its
 * kind is not known (F is any Fulfilment), so a pickup is never moved to SHIPPED unnoticed.
 */
export type StatusFor<F extends Fulfilment> = SharedStatus | ([Fulfilment] extends [F] ? never : F['status']);

/** `f` in state `status`, its kind kept: what every move of a group to a new state is made of. */
export function withStatus<F extends Fulfilment>(f: F, status: StatusFor<F>): F {
  return { ...f, status };
}

export interface Order {
  readonly id: string;
  readonly channel: Channel;
  /** The store whose POS placed the order (endless aisle), else null. */
  readonly placedAtStoreId: string | null;
  readonly customerId: string | null;
  readonly contact: Contact | null;
  readonly currency: string;
  readonly capturedTenders: readonly CapturedTender[];
  readonly status: OrderStatus;
  readonly fulfilments: readonly Fulfilment[];
  readonly placedAt: Date;
  readonly updatedAt: Date;
}

export interface LineInput {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** A preorder's release date and, per merged line (in mergeLines order), its place in line. */
export interface PreorderInput {
  readonly releaseAt: Date;
  readonly sequences: readonly number[];
}

export type FulfilmentInput =
  | { readonly type: 'pickup'; readonly storeId: string; readonly lines: readonly LineInput[]; readonly preorder?: PreorderInput }
  | { readonly type: 'delivery'; readonly address: Address; readonly lines: readonly LineInput[]; readonly preorder?: PreorderInput };

export interface PlaceOrderInput {
  readonly channel: Channel;
  readonly placedAtStoreId: string | null;
  readonly customerId: string | null;
  readonly contact: Contact | null;
  readonly currency: string;
  readonly fulfilments: readonly FulfilmentInput[];
  readonly capturedTenders: readonly CapturedTender[];
  /** Lines a trusted caller sold off the price list (domain/price-authority.ts): recorded in order.placed. */
  readonly priceOverride?: PriceOverride | null;
  /** A checkout from a cart: where the cart began and was finished, said in order.placed. */
  readonly cart?: OrderCartPayload | null;
}

export type PlacementRefusal = 'ORDER.TENDER_MISMATCH' | 'ORDER.PICKUP_STORE_REPEATED';

/** Ids per group (one per group, then one per merged line of that group) drawn outside, so the decision is pure. */
export interface PlacementIds {
  readonly orderId: string;
  readonly fulfilments: readonly { readonly fulfilmentId: string; readonly lineIds: readonly string[] }[];
}

/** Two lines for one SKU at one price are one line: reservations are per SKU. */
export function mergeLines<L extends LineInput>(lines: readonly L[]): LineInput[] {
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

/** What the customer still pays for in a group: every unit not cancelled, at its unit price. */
export function remainingAmount(f: Pick<Fulfilment, 'lines'>): number {
  return f.lines.reduce((sum, l) => sum + remainingQuantity(l) * l.unitPrice, 0);
}

export function orderTotal(input: Pick<PlaceOrderInput, 'fulfilments'>): number {
  return input.fulfilments.reduce((sum, f) => sum + mergeLines(f.lines).reduce((s, l) => s + l.quantity * l.unitPrice, 0), 0);
}

/** The order with one group replaced (or added) and its summary state recomputed. */
export function withFulfilment(o: Order, f: Fulfilment, now: Date): Order {
  const exists = o.fulfilments.some((g) => g.id === f.id);
  const fulfilments = exists ? o.fulfilments.map((g) => (g.id === f.id ? f : g)) : [...o.fulfilments, f];
  return { ...o, fulfilments, status: summaryStatus(fulfilments.map((g) => g.status)), updatedAt: now };
}

export function allLines(o: Order): OrderLine[] {
  return o.fulfilments.flatMap((f) => f.lines);
}

/** The group holding a line, if any. */
export function fulfilmentOfLine(o: Order, lineId: string): Fulfilment | undefined {
  return o.fulfilments.find((f) => f.lines.some((l) => l.lineId === lineId));
}

function newFulfilment(o: Omit<Order, 'status' | 'fulfilments' | 'updatedAt'>, id: string, input: FulfilmentInput, lines: OrderLine[], now: Date): Fulfilment {
  const group: FulfilmentBase = {
    id,
    orderId: o.id,
    channel: o.channel,
    customerId: o.customerId,
    currency: o.currency,
    prepaid: o.capturedTenders.length > 0,
    storeId: input.type === 'pickup' ? input.storeId : null,
    lines,
    updatedAt: now,
    rejectionReason: null,
    readyBy: null,
    readyAt: null,
    cancelledBy: null,
    cancellationReason: null,
    cancelledAt: null,
    releaseAt: input.preorder?.releaseAt ?? null,
    estimatedAvailableAt: null,
  };
  if (input.type === 'pickup') {
    return {
      ...group,
      type: 'pickup',
      status: 'PLACED',
      pickupHoldDays: null,
      pickupCode: null,
      pickupDeadline: null,
      failedCodeAttempts: 0,
      remindedAt: null,
      collectedAt: null,
      expiredAt: null,
    };
  }
  return {
    ...group,
    type: 'delivery',
    status: 'PLACED',
    address: input.address,
    carrier: null,
    trackingNumber: null,
    packedAt: null,
    shippedAt: null,
    deliveredAt: null,
    deliveryFailure: null,
  };
}

/**
 * A new order: one group per requested fulfilment, lines of one SKU and price merged per group.
 * Payment already taken (a POS) must cover the whole order: a partial tender is refused.
 */
export function placeOrder(input: PlaceOrderInput, ids: PlacementIds, now: Date): Decision<Order, PlacementRefusal> {
  const paid = input.capturedTenders.reduce((sum, t) => sum + t.amount, 0);
  if (input.capturedTenders.length > 0 && paid !== orderTotal(input)) {
    return refuse('ORDER.TENDER_MISMATCH', `captured tenders add up to ${paid}, the order costs ${orderTotal(input)}`);
  }
  const pickupStores = input.fulfilments.flatMap((f) => (f.type === 'pickup' ? [f.storeId] : []));
  if (new Set(pickupStores).size !== pickupStores.length) return refuse('ORDER.PICKUP_STORE_REPEATED', 'one pickup group per store: put its lines together');
  const header = {
    id: ids.orderId,
    channel: input.channel,
    placedAtStoreId: input.placedAtStoreId,
    customerId: input.customerId,
    contact: input.contact,
    currency: input.currency,
    capturedTenders: input.capturedTenders,
    placedAt: now,
  };
  const fulfilments = input.fulfilments.map((f, i) => {
    const { fulfilmentId, lineIds } = ids.fulfilments[i];
    const preorder = f.preorder;
    const lines = mergeLines(f.lines).map((l, j) => ({
      lineId: lineIds[j],
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      pickedQuantity: 0,
      cancelledQuantity: 0,
      sourceLocationId: null,
      pendingTransferId: null,
      ...(preorder ? { preorderSequence: preorder.sequences[j], queuePosition: null, estimatedAt: null } : {}),
    }));
    return newFulfilment(header, fulfilmentId, f, lines, now);
  });
  const order: Order = { ...header, status: 'PLACED', fulfilments, updatedAt: now };
  return accept(order, [
    event(OrderPlacedV2, {
      orderId: order.id,
      channel: order.channel,
      placedAtStoreId: order.placedAtStoreId,
      customerId: order.customerId,
      contact: order.contact,
      currency: order.currency,
      lines: allLines(order).map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
      fulfilments: fulfilments.map((f) => ({
        fulfilmentId: f.id,
        type: f.type,
        storeId: f.type === 'pickup' ? f.storeId : null,
        address: f.type === 'delivery' ? f.address : null,
        lineIds: f.lines.map((l) => l.lineId),
        ...(f.releaseAt
          ? { preorder: { releaseAt: f.releaseAt.toISOString(), lines: f.lines.map((l) => ({ lineId: l.lineId, sequence: l.preorderSequence! })) } }
          : {}),
      })),
      capturedTenders: [...order.capturedTenders],
      placedAt: now.toISOString(),
      ...(input.priceOverride ? { priceOverride: { by: input.priceOverride.by, lines: input.priceOverride.lines.map((l) => ({ ...l })) } } : {}),
      ...(input.cart ? { cart: { ...input.cart } } : {}),
    }),
  ]);
}
