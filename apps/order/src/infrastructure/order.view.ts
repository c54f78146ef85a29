import { Order, remainingQuantity } from '../domain/order';
import { MAX_FAILED_CODE_ATTEMPTS } from '../domain/pickup-code';
import { PaymentRequestView } from './order.repository';

/** What GET /orders/:id shows: never the pickup code nor its hash. */
export function orderView(o: Order, payments: PaymentRequestView[] = []) {
  const sum = (kind: 'capture' | 'refund', status?: 'DONE') => payments.filter((p) => p.kind === kind && (!status || p.status === status)).reduce((n, p) => n + (status ? (p.doneAmount ?? p.amount) : p.amount), 0);
  return {
    id: o.id,
    status: o.status,
    channel: o.channel,
    storeId: o.storeId,
    customerId: o.customerId,
    currency: o.currency,
    lines: o.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      pickedQuantity: l.pickedQuantity,
      cancelledQuantity: l.cancelledQuantity,
      remainingQuantity: remainingQuantity(l),
      sourceLocationId: l.sourceLocationId,
      pendingTransferId: l.pendingTransferId,
    })),
    rejectionReason: o.rejectionReason,
    readyBy: o.readyBy?.toISOString() ?? null,
    pickupDeadline: o.pickupDeadline?.toISOString() ?? null,
    pickupLocked: o.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS,
    cancellation: o.cancelledBy ? { by: o.cancelledBy, reason: o.cancellationReason, at: o.cancelledAt?.toISOString() ?? null } : null,
    collectedAt: o.collectedAt?.toISOString() ?? null,
    expiredAt: o.expiredAt?.toISOString() ?? null,
    payment: {
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
