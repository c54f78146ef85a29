import { ReturnRefundRequestedV1, StoreCreditIssuedV1 } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrderRecord, orderTotal } from '../domain/order-record';
import { planRefund } from '../domain/refund';
import { Return } from '../domain/return.machine';
import { orderRecordRepository } from '../infrastructure/order-record.repository';
import { returnRepository } from '../infrastructure/return.repository';
import { storeCreditRepository } from '../infrastructure/store-credit.repository';

/**
 * Refunds a completed return once: the refund rows (unique per return and tender) and the
 * store-credit entry (unique per return) commit with the return's state, with their events.
 */
export async function settleRefund(m: EntityManager, outbox: OutboxWriter, r: Return, order: OrderRecord, now: Date): Promise<void> {
  if (r.status !== 'COMPLETED' || r.refundAmount === 0 || r.refundMethod === null) return;
  const refunded = await orderRecordRepository.refundedByReference(m, order.orderId);
  const plan = planRefund(r.refundAmount, r.refundMethod, order.orderId, orderTotal(order), order.tenders, refunded);
  if (plan.toTenders.length > 0) {
    const refundId = randomUUID();
    for (const t of plan.toTenders) {
      await returnRepository.insertRefund(m, { id: randomUUID(), returnId: r.id, orderId: r.orderId, tender: t.tender, reference: t.reference, amount: t.amount, requestId: refundId, settledAt: null, at: now });
    }
    await outbox.append(
      m,
      ReturnRefundRequestedV1,
      { refundId, returnId: r.id, orderId: r.orderId, currency: r.currency, tenders: [...plan.toTenders], reason: r.kind === 'exchange' ? 'EXCHANGE.DIFFERENCE' : 'RETURN', requestedAt: now.toISOString() },
      now,
    );
  }
  if (plan.toStoreCredit > 0) {
    if (r.customerId === null) throw new Error(`return ${r.id}: store credit for an order without a customer`);
    const entryId = randomUUID();
    const balance = await storeCreditRepository.credit(m, { entryId, accountId: r.customerId, currency: r.currency, amount: plan.toStoreCredit, returnId: r.id, orderId: r.orderId, at: now });
    await returnRepository.insertRefund(m, { id: randomUUID(), returnId: r.id, orderId: r.orderId, tender: 'store-credit', reference: plan.storeCreditReference ?? r.customerId, amount: plan.toStoreCredit, requestId: null, settledAt: now, at: now });
    await outbox.append(
      m,
      StoreCreditIssuedV1,
      {
        accountId: r.customerId,
        entryId,
        amount: plan.toStoreCredit,
        currency: r.currency,
        balance,
        returnId: r.id,
        orderId: r.orderId,
        issuedAt: now.toISOString(),
        ...(plan.storeCreditReference !== null ? { tenderReference: plan.storeCreditReference } : {}),
      },
      now,
    );
  }
}
