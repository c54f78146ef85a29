import { Injectable } from '@nestjs/common';
import { ReturnRefundRequestedPayload, ReturnRefundRequestedV1, StoreCreditIssuedV1, TenderAmountPayload } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrderRecord, orderTotal } from '../domain/order-record';
import { planRefund } from '../domain/refund';
import { Return } from '../domain/return.machine';
import { OrderRecordRepository } from './ports/order-record.port';
import { ReturnRepository } from './ports/return.port';
import { StoreCreditRepository } from './ports/store-credit.port';

/**
 * Refunds a completed return once: the refund rows (unique per return and tender) and the
 * store-credit entry (unique per return) commit with the return's state, with their events.
 * Shared by the use cases that complete a return (OpenReturnUseCase, ExchangeRepliesUseCase).
 */
@Injectable()
export class RefundSettlement {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly orders: OrderRecordRepository,
    private readonly returns: ReturnRepository,
    private readonly storeCredit: StoreCreditRepository,
  ) {}

  async settleRefund(m: EntityManager, r: Return, order: OrderRecord, now: Date): Promise<void> {
    if (r.status !== 'COMPLETED' || r.refundAmount === 0 || r.refundMethod === null) return;
    const refunded = await this.orders.refundedByReference(m, order.orderId);
    let plan = planRefund(r.refundAmount, r.refundMethod, order.orderId, orderTotal(order), order.tenders, refunded);
    // Each part asked of the payment system, and the order whose tender it comes back to.
    const toTenders = plan.toTenders.map((t) => ({ ...t, orderId: r.orderId }));
    if (plan.toStoreCredit > 0 && r.customerId === null) {
      const back = await this.guestReplacementCredit(m, plan.toStoreCredit, plan.storeCreditReference);
      toTenders.push(...back);
      plan = { ...plan, toStoreCredit: 0, storeCreditReference: null };
    }
    if (toTenders.length > 0) {
      const refundId = randomUUID();
      for (const t of toTenders) {
        await this.returns.insertRefund(m, {
          id: randomUUID(),
          returnId: r.id,
          orderId: t.orderId,
          tender: t.tender,
          reference: t.reference,
          amount: t.amount,
          requestId: refundId,
          settledAt: null,
          at: now,
        });
      }
      await this.outbox.append(m, ReturnRefundRequestedV1, refundRequest(r, refundId, toTenders, now), now);
    }
    if (plan.toStoreCredit > 0) {
      if (r.customerId === null) throw new Error(`return ${r.id}: store credit for an order without a customer`);
      const entryId = randomUUID();
      const balance = await this.storeCredit.credit(m, {
        entryId,
        accountId: r.customerId,
        currency: r.currency,
        amount: plan.toStoreCredit,
        returnId: r.id,
        orderId: r.orderId,
        at: now,
      });
      await this.returns.insertRefund(m, {
        id: randomUUID(),
        returnId: r.id,
        orderId: r.orderId,
        tender: 'store-credit',
        reference: plan.storeCreditReference ?? r.customerId,
        amount: plan.toStoreCredit,
        requestId: null,
        settledAt: now,
        at: now,
      });
      await this.outbox.append(
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

  /**
   * A guest has no store-credit account. The store-credit part of a guest's order can only be the
   * value of an exchange whose replacement was shipped (its tender's reference is that exchange's
   * return id, docs/returns.md): it goes back to the tenders of the order the exchange took back,
   * as those were paid (ADR 0020). Anything else is a store credit nobody can be given.
   */
  private async guestReplacementCredit(m: EntityManager, amount: number, reference: string | null): Promise<(TenderAmountPayload & { orderId: string })[]> {
    const exchange = reference ? await this.returns.find(m, reference) : null;
    const original = exchange ? await this.orders.find(m, exchange.orderId) : null;
    if (!exchange || !original) throw new Error(`store credit ${reference}: a guest order has no store-credit account to refund it to`);
    const refunded = await this.orders.refundedByReference(m, original.orderId);
    const back = planRefund(amount, 'original-tender', original.orderId, orderTotal(original), original.tenders, refunded);
    if (back.toStoreCredit > 0)
      throw new Error(`store credit ${reference}: the exchanged order ${original.orderId} was itself paid with store credit, which a guest cannot be given`);
    return back.toTenders.map((t) => ({ ...t, orderId: original.orderId }));
  }
}

/** What a return asks of the payment system: its refund under `refundId`, an amount per tender. */
export function refundRequest(
  r: Pick<Return, 'id' | 'orderId' | 'currency' | 'kind'>,
  refundId: string,
  tenders: readonly TenderAmountPayload[],
  now: Date,
): ReturnRefundRequestedPayload {
  return {
    refundId,
    returnId: r.id,
    orderId: r.orderId,
    currency: r.currency,
    tenders: tenders.map(({ tender, amount, reference }) => ({ tender, amount, reference })),
    reason: r.kind === 'exchange' ? 'EXCHANGE.DIFFERENCE' : 'RETURN',
    requestedAt: now.toISOString(),
  };
}
