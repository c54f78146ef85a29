import { categoryOf, ReturnPolicyDocument } from '../domain/policy';
import { OrderRecord, returnable } from '../domain/order-record';
import { Return } from '../domain/return.machine';
import { ReturnAuthorisation } from '../application/ports/authorisation.port';
import { PublishedPolicy } from '../application/ports/policy.port';
import { RefundRecord } from '../application/ports/return.port';

export function returnableOrderView(o: OrderRecord, policy: ReturnPolicyDocument) {
  return {
    orderId: o.orderId,
    receipt: o.receipt,
    channel: o.channel,
    placedAtStoreId: o.placedAtStoreId,
    customerId: o.customerId,
    currency: o.currency,
    cancelled: o.cancelled,
    placedAt: o.placedAt.toISOString(),
    lines: o.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      cancelled: l.cancelled,
      received: l.received,
      returned: l.returned,
      returnable: returnable(l),
      receivedAt: l.receivedAt?.toISOString() ?? null,
      category: categoryOf(policy, l.sku),
    })),
  };
}

export function returnView(r: Return, refunds: readonly RefundRecord[]) {
  return {
    id: r.id,
    requestId: r.requestId,
    orderId: r.orderId,
    kind: r.kind,
    status: r.status,
    storeId: r.storeId,
    associateId: r.associateId,
    orderChannel: r.orderChannel,
    orderPlacedAtStoreId: r.orderPlacedAtStoreId,
    authorisationId: r.authorisationId,
    policyVersion: r.policyVersion,
    currency: r.currency,
    lines: r.lines,
    replacements: r.replacements,
    difference: r.difference,
    refundMethod: r.refundMethod,
    refundAmount: r.refundAmount,
    charged: r.charged,
    refunds: refunds.map((f) => ({
      id: f.id,
      tender: f.tender,
      reference: f.reference,
      amount: f.amount,
      refundId: f.requestId,
      settledAt: f.settledAt?.toISOString() ?? null,
      failedAt: f.failedAt?.toISOString() ?? null,
      failureReason: f.failureReason,
    })),
    failureReason: r.failureReason,
    channel: r.channel,
    shipTo: r.shipTo,
    replacementOrderId: r.replacementOrderId,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  };
}

export function authorisationView(a: ReturnAuthorisation) {
  const p = a.parcel;
  return {
    id: a.id,
    code: a.code,
    orderId: a.orderId,
    status: a.status,
    lines: a.lines,
    returnId: a.returnId,
    expiresAt: a.expiresAt.toISOString(),
    method: a.method,
    parcel: p && {
      carrier: p.carrier,
      labelNumber: p.labelNumber,
      trackingNumber: p.trackingNumber,
      trackingUrl: p.trackingUrl,
      returnTo: p.returnTo,
      status: p.status,
      history: p.history.map((h) => ({ status: h.status, at: h.at.toISOString() })),
      receivedAt: p.receivedAt?.toISOString() ?? null,
      receivedBy: p.receivedBy,
    },
  };
}

export function policyView(p: PublishedPolicy) {
  return {
    version: p.version,
    effectiveFrom: p.effectiveFrom.toISOString(),
    document: p.document,
    publishedAt: p.publishedAt.toISOString(),
    publishedBy: p.publishedBy,
  };
}
