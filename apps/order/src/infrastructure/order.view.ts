import { Fulfilment, Order, OrderLine, remainingQuantity } from '../domain/order';
import { MAX_FAILED_CODE_ATTEMPTS } from '../domain/pickup-code';
import { PaymentRequestView } from '../application/ports/payment-request.port';

function lineView(l: OrderLine) {
  return {
    lineId: l.lineId,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    pickedQuantity: l.pickedQuantity,
    cancelledQuantity: l.cancelledQuantity,
    remainingQuantity: remainingQuantity(l),
    sourceLocationId: l.sourceLocationId,
    pendingTransferId: l.pendingTransferId,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One group as the order view shows it: never the pickup code nor its hash. Every group shows
 * every field; a pickup's own are null (not locked) for a delivery, a delivery's address and
 * shipment null for a pickup.
 */
export function fulfilmentView(f: Fulfilment) {
  const pickup = f.type === 'pickup' ? f : null;
  return {
    fulfilmentId: f.id,
    type: f.type,
    status: f.status,
    storeId: f.storeId,
    address: f.type === 'delivery' ? f.address : null,
    lines: f.lines.map(lineView),
    rejectionReason: f.rejectionReason,
    readyBy: iso(f.readyBy),
    pickupDeadline: iso(pickup?.pickupDeadline ?? null),
    pickupLocked: pickup !== null && pickup.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS,
    cancellation: f.cancelledBy ? { by: f.cancelledBy, reason: f.cancellationReason, at: iso(f.cancelledAt) } : null,
    collectedAt: iso(pickup?.collectedAt ?? null),
    expiredAt: iso(pickup?.expiredAt ?? null),
    preorder: f.releaseAt
      ? {
          releaseAt: f.releaseAt.toISOString(),
          estimatedAvailableAt: iso(f.estimatedAvailableAt),
          position: Math.max(0, ...f.lines.map((l) => l.queuePosition ?? 0)) || null,
          lines: f.lines.map((l) => ({
            lineId: l.lineId,
            sequence: l.preorderSequence ?? null,
            position: l.queuePosition ?? null,
            estimatedAt: iso(l.estimatedAt ?? null),
          })),
        }
      : null,
    shipment:
      f.type === 'delivery'
        ? {
            carrier: f.carrier,
            trackingNumber: f.trackingNumber,
            packedAt: iso(f.packedAt),
            shippedAt: iso(f.shippedAt),
            deliveredAt: iso(f.deliveredAt),
            failure: f.deliveryFailure,
          }
        : null,
    updatedAt: f.updatedAt.toISOString(),
  };
}

/**
 * What GET /orders/:id shows: the order, its groups, and its payments. The pickup fields at the
 * top (storeId, readyBy, pickupDeadline, …) are those of the order's only group when it has one
 * (every click & collect order); with several groups they are in `fulfilments` only.
 */
export function orderView(o: Order, payments: PaymentRequestView[] = []) {
  const sum = (kind: 'capture' | 'refund', status?: 'DONE') =>
    payments.filter((p) => p.kind === kind && (!status || p.status === status)).reduce((n, p) => n + (status ? (p.doneAmount ?? p.amount) : p.amount), 0);
  const only = o.fulfilments.length === 1 ? fulfilmentView(o.fulfilments[0]) : null;
  const pickups = o.fulfilments.filter((f) => f.type === 'pickup');
  return {
    id: o.id,
    status: o.status,
    channel: o.channel,
    placedAtStoreId: o.placedAtStoreId,
    storeId: pickups.length === 1 ? pickups[0].storeId : null,
    customerId: o.customerId,
    contact: o.contact,
    currency: o.currency,
    lines: o.fulfilments.flatMap((f) => f.lines).map(lineView),
    fulfilments: o.fulfilments.map(fulfilmentView),
    rejectionReason: only?.rejectionReason ?? null,
    readyBy: only?.readyBy ?? null,
    pickupDeadline: only?.pickupDeadline ?? null,
    pickupLocked: only?.pickupLocked ?? false,
    cancellation: only?.cancellation ?? null,
    collectedAt: only?.collectedAt ?? null,
    expiredAt: only?.expiredAt ?? null,
    payment: {
      capturedAtPlacement: o.capturedTenders.reduce((n, t) => n + t.amount, 0),
      tenders: o.capturedTenders,
      captureRequested: sum('capture'),
      captured: sum('capture', 'DONE'),
      refundRequested: sum('refund'),
      refunded: sum('refund', 'DONE'),
      requests: payments,
    },
    placedAt: o.placedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
