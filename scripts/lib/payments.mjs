// What a payment system reads from the services' events and how it answers them: shared by the
// demo's stand-in (scripts/demo/downstream.mjs) and the chaos run's (scripts/chaos/payment-system.mjs).
import { randomUUID } from 'node:crypto';

/** What one request message asks, or null for what a payment system does not handle (or nothing to pay). */
export function paymentAsk(type, data) {
  if (type === 'payment.capture-requested.v1') {
    return { id: `capture:${data.orderId}:${data.fulfilmentId ?? ''}`, kind: 'capture', orderId: data.orderId, amount: data.amount, currency: data.currency };
  }
  // An order's refund (version 2; version 1 is the same refund under the same refundId). A
  // store-credit part is the returns service's own to book.
  if (type === 'payment.refund-requested.v2') {
    const ours = data.tenders ? data.tenders.filter((t) => t.tender !== 'store-credit') : [{ tender: 'card', amount: data.amount }];
    const amount = ours.reduce((n, t) => n + t.amount, 0);
    return amount > 0
      ? {
          id: `refund:${data.refundId}`,
          kind: 'refund',
          orderId: data.orderId,
          refundId: data.refundId,
          amount,
          currency: data.currency,
          tenders: ours,
          returnId: null,
          reason: data.reason,
        }
      : null;
  }
  if (type === 'return.refund-requested.v1') {
    const amount = data.tenders.reduce((n, t) => n + t.amount, 0);
    return amount > 0
      ? {
          id: `refund:${data.refundId}`,
          kind: 'refund',
          orderId: data.orderId,
          refundId: data.refundId,
          amount,
          currency: data.currency,
          tenders: data.tenders,
          returnId: data.returnId,
          reason: null,
        }
      : null;
  }
  return null;
}

/**
 * The event answering `request` (a Kafka message the services sent), as the services' own
 * CloudEvents envelope: keyed by the order, correlated with the request and caused by it.
 */
export function paymentEvent(type, data, request, source) {
  const header = (n) => request.headers?.[n]?.toString();
  return {
    key: data.orderId,
    value: JSON.stringify(data),
    headers: {
      ce_specversion: '1.0',
      ce_id: randomUUID(),
      ce_type: type,
      ce_source: source,
      ce_time: new Date().toISOString(),
      ce_subject: data.orderId,
      'content-type': 'application/json',
      ...(header('ce_correlationid') ? { ce_correlationid: header('ce_correlationid') } : {}),
      ...(header('ce_id') ? { ce_causationid: header('ce_id') } : {}),
    },
  };
}

/** The body of a message, or null when it is not JSON. */
export function jsonOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
