import {
  Channel,
  ceTypeOf,
  DeliveryAssignmentPayload,
  OrderCancelledPayload,
  OrderCollectedPayload,
  OrderConfirmedPayload,
  OrderDeliveredPayload,
  OrderDeliveredV1,
  OrderDeliveryAssignedV1,
  OrderDeliveryFailedPayload,
  OrderDeliveryFailedV1,
  OrderExpiredPayload,
  OrderLineCancelledPayload,
  OrderPackedPayload,
  OrderPackedV1,
  OrderPartiallyReadyPayload,
  OrderPickingStartedPayload,
  OrderPlacedPayload,
  OrderPlacedV2Payload,
  OrderReadyForPickupPayload,
  OrderRejectedPayload,
  OrderShippedPayload,
  OrderShippedV1,
  OrderShortPickedPayload,
  OrderTransferArrivedPayload,
  orderPlacedAsV2,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderExpiredV1,
  OrderLineCancelledV1,
  OrderPartiallyReadyV1,
  OrderPickingStartedV1,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderReadyForPickupV1,
  OrderRejectedV1,
  OrderShortPickedV1,
  OrderTransferArrivedV1,
  UNASSIGNED_LOCATION,
  EventDefinition,
  OrderPreorderAllocatedPayload,
  OrderPreorderAllocatedV1,
  OrderPreorderedPayload,
  OrderPreorderedV1,
  OrderPreorderRescheduledPayload,
  OrderPreorderRescheduledV1,
  DISPOSITIONS,
  Disposition,
  ReturnCompletedPayload,
  ReturnCompletedV1,
  StoreCreditIssuedPayload,
  StoreCreditIssuedV1,
  StoreCreditReinstatedPayload,
  StoreCreditReinstatedV1,
} from '@omni/contracts';

/**
 * One line of a customer's timeline: what happened to one of their orders, where (channel and
 * store) and when. Entries hold no personal data; which customer an order belongs to is kept
 * apart (order links), so a merge or an erasure never rewrites the timeline.
 */
export interface TimelineFact {
  /** The event type without its version: `order.collected`. */
  readonly kind: string;
  readonly orderId: string;
  /** The fulfilment group it is about; null: the whole order. */
  readonly fulfilmentId: string | null;
  /** Channel it happened in; null: a system step, shown with the order's channel. */
  readonly channel: Channel | null;
  readonly storeId: string | null;
  readonly occurredAt: string;
  /** What the open-order view needs (states, deadlines, groups); never personal data. */
  readonly details: Record<string, unknown>;
}

/** Where the consumed event sits in Kafka: a rebuild replaces exactly the entries it re-read. */
export interface TopicPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface TimelineEntry extends TimelineFact {
  readonly eventId: string;
  readonly position: TopicPosition;
}

const store = (id: string | null | undefined): string | null => (id && id !== UNASSIGNED_LOCATION ? id : null);
const group = (p: { fulfilmentId?: string }) => p.fulfilmentId ?? null;

function placed(p: OrderPlacedV2Payload): TimelineFact {
  const pickupStores = [...new Set(p.fulfilments.filter((f) => f.type === 'pickup').map((f) => f.storeId))];
  return {
    kind: 'order.placed',
    orderId: p.orderId,
    fulfilmentId: null,
    channel: p.channel,
    // At a POS the store that sold; online the pickup store when there is one.
    storeId: p.placedAtStoreId ?? (pickupStores.length === 1 ? pickupStores[0] : null),
    occurredAt: p.placedAt,
    details: { groups: p.fulfilments.map((f) => ({ fulfilmentId: f.fulfilmentId, type: f.type, storeId: f.storeId })), placedAtStoreId: p.placedAtStoreId },
  };
}

/** Steps a store's associates perform happen at its POS. */
const atStore = (
  kind: string,
  p: { orderId: string; storeId: string; fulfilmentId?: string },
  at: string,
  details: Record<string, unknown> = {},
): TimelineFact => ({
  kind,
  orderId: p.orderId,
  fulfilmentId: group(p),
  channel: 'pos',
  storeId: store(p.storeId),
  occurredAt: at,
  details,
});

const system = (
  kind: string,
  p: { orderId: string; fulfilmentId?: string },
  storeId: string | null,
  at: string,
  details: Record<string, unknown> = {},
): TimelineFact => ({
  kind,
  orderId: p.orderId,
  fulfilmentId: group(p),
  channel: null,
  storeId: store(storeId),
  occurredAt: at,
  details,
});

/**
 * How each event consumed becomes a timeline fact, held as data. A new source (returns,
 * exchanges, store credit) is one more row here and one more handler method.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SOURCES: [EventDefinition<any>, (p: any) => TimelineFact][] = [
  [OrderPlacedV1, (p: OrderPlacedPayload) => placed(orderPlacedAsV2(p))],
  [OrderPlacedV2, (p: OrderPlacedV2Payload) => placed(p)],
  [OrderConfirmedV1, (p: OrderConfirmedPayload) => system('order.confirmed', p, null, p.confirmedAt, { readyBy: p.readyBy })],
  [OrderRejectedV1, (p: OrderRejectedPayload) => system('order.rejected', p, null, p.rejectedAt, { reason: p.reason })],
  [OrderPickingStartedV1, (p: OrderPickingStartedPayload) => atStore('order.picking-started', p, p.startedAt)],
  [OrderShortPickedV1, (p: OrderShortPickedPayload) => atStore('order.short-picked', p, p.shortPickedAt)],
  [OrderPartiallyReadyV1, (p: OrderPartiallyReadyPayload) => atStore('order.partially-ready', p, p.at, { readyBy: p.readyBy })],
  [OrderTransferArrivedV1, (p: OrderTransferArrivedPayload) => system('order.transfer-arrived', p, p.storeId, p.arrivedAt, { status: p.status })],
  [OrderReadyForPickupV1, (p: OrderReadyForPickupPayload) => atStore('order.ready-for-pickup', p, p.readyAt, { pickupDeadline: p.pickupDeadline })],
  [OrderCollectedV1, (p: OrderCollectedPayload) => atStore('order.collected', p, p.collectedAt)],
  [
    OrderCancelledV1,
    (p: OrderCancelledPayload) =>
      p.cancelledBy === 'store'
        ? atStore('order.cancelled', p, p.cancelledAt, { cancelledBy: p.cancelledBy })
        : system('order.cancelled', p, p.storeId, p.cancelledAt, { cancelledBy: p.cancelledBy }),
  ],
  [OrderExpiredV1, (p: OrderExpiredPayload) => system('order.expired', p, p.storeId, p.expiredAt)],
  [OrderLineCancelledV1, (p: OrderLineCancelledPayload) => system('order.line-cancelled', p, null, p.cancelledAt, { sku: p.sku, quantity: p.quantity })],
  [
    OrderDeliveryAssignedV1,
    (p: DeliveryAssignmentPayload) =>
      system('order.delivery-assigned', p, null, p.assignedAt, {
        groups: p.fulfilments.map((f) => ({ fulfilmentId: f.fulfilmentId, locationId: f.locationId })),
      }),
  ],
  [OrderPackedV1, (p: OrderPackedPayload) => system('order.packed', p, p.locationId, p.packedAt)],
  [OrderShippedV1, (p: OrderShippedPayload) => system('order.shipped', p, p.locationId, p.shippedAt, { carrier: p.carrier, trackingNumber: p.trackingNumber })],
  [OrderDeliveredV1, (p: OrderDeliveredPayload) => system('order.delivered', p, null, p.deliveredAt)],
  [OrderDeliveryFailedV1, (p: OrderDeliveryFailedPayload) => system('order.delivery-failed', p, null, p.failedAt, { reason: p.reason })],
  [
    OrderPreorderedV1,
    (p: OrderPreorderedPayload) =>
      system('order.preordered', p, p.storeId, p.preorderedAt, { releaseAt: p.releaseAt, estimatedAvailableAt: p.estimatedAvailableAt }),
  ],
  [
    OrderPreorderAllocatedV1,
    (p: OrderPreorderAllocatedPayload) => system('order.preorder-allocated', p, p.storeId, p.allocatedAt, { status: p.status, releaseAt: p.releaseAt }),
  ],
  [
    OrderPreorderRescheduledV1,
    (p: OrderPreorderRescheduledPayload) =>
      system('order.preorder-rescheduled', p, null, p.at, { estimatedAvailableAt: p.estimatedAvailableAt, cause: p.cause }),
  ],
  // A return or exchange is finished at a store's POS, whichever channel the order came from.
  [
    ReturnCompletedV1,
    (p: ReturnCompletedPayload) => ({
      kind: 'return.completed',
      orderId: p.orderId,
      fulfilmentId: null,
      channel: 'pos',
      storeId: store(p.storeId),
      occurredAt: p.completedAt,
      details: {
        returnId: p.returnId,
        returnKind: p.kind,
        orderChannel: p.orderChannel,
        refundMethod: p.refundMethod,
        refundAmount: p.refundAmount,
        difference: p.difference,
        currency: p.currency,
        returnChannel: p.channel ?? 'store',
        unitsBack: unitsByDisposition(p.lines),
      },
    }),
  ],
  [
    StoreCreditIssuedV1,
    (p: StoreCreditIssuedPayload) => system('store-credit.issued', p, null, p.issuedAt, { returnId: p.returnId, amount: p.amount, currency: p.currency }),
  ],
  // Store credit that paid for an order, back on the balance when that part of the order is refunded.
  [
    StoreCreditReinstatedV1,
    (p: StoreCreditReinstatedPayload) =>
      system('store-credit.reinstated', p, null, p.reinstatedAt, { refundId: p.refundId, reason: p.reason, amount: p.amount, currency: p.currency }),
  ],
];

/** Units a return took back, per disposition: sellable (back on hand), damaged, return to vendor. */
export function unitsByDisposition(lines: readonly { quantity: number; disposition: Disposition }[]): Record<Disposition, number> {
  const units = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  for (const l of lines) units[l.disposition] += l.quantity;
  return units;
}

const BY_CE_TYPE = new Map(SOURCES.map(([def, fact]) => [ceTypeOf(def), fact]));

/** The CloudEvents types the timeline is built from. */
export const TIMELINE_EVENT_TYPES: readonly string[] = [...BY_CE_TYPE.keys()];

/** The timeline fact of a consumed event, or null for an event the timeline does not show. */
export function timelineFactOf(ceType: string, payload: unknown): TimelineFact | null {
  const fact = BY_CE_TYPE.get(ceType);
  return fact ? fact(payload) : null;
}
