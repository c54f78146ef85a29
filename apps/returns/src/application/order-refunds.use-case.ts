import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, PaymentRefundRequestedV2Payload, StoreCreditReinstatedV1 } from '@omni/contracts';
import { InboxProcessor, OutboxWriter, PermanentEventError } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrderRecordRepository } from './ports/order-record.port';
import { StoreCreditRepository } from './ports/store-credit.port';

/**
 * The order service's refunds of orders paid at placing (payment.refund-requested v2 with
 * tenders; ADR 0011). This service owns store credit (ADR 0009), so a store-credit part comes back
 * to the customer's balance here, never through the payment system; and every part is remembered,
 * so a later return of the same order refunds each tender only what is left of it.
 */
@Injectable()
export class OrderRefundsUseCase {
  private readonly logger = new Logger('OrderRefunds');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly orders: OrderRecordRepository,
    private readonly storeCredit: StoreCreditRepository,
  ) {}

  async requested(e: EventEnvelope<PaymentRefundRequestedV2Payload>): Promise<void> {
    const p = e.data;
    // The payment system captured it itself: its refund is the payment system's alone.
    if (!p.tenders?.length) return;
    await this.inbox.once(e, async (m) => {
      const now = this.clock.now();
      for (const t of p.tenders!) {
        // The same request under another event id (a replay) adds nothing.
        const fresh: unknown[] = await m.query(
          `INSERT INTO order_refunds (refund_id, tender, reference, order_id, amount, reason, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT DO NOTHING RETURNING refund_id`,
          [p.refundId, t.tender, t.reference, p.orderId, t.amount, p.reason, p.requestedAt],
        );
        if (fresh.length === 0 || t.tender !== 'store-credit') continue;
        const accountId = await this.accountOf(m, p.orderId, t.reference);
        if (!accountId)
          throw new PermanentEventError(
            'STORE_CREDIT.NO_ACCOUNT',
            `refund ${p.refundId} of order ${p.orderId}: no store-credit account for tender ${t.reference}`,
          );
        const entryId = randomUUID();
        const balance = await this.storeCredit.reinstate(m, {
          entryId,
          accountId,
          currency: p.currency,
          amount: t.amount,
          orderId: p.orderId,
          refundId: p.refundId,
          tenderReference: t.reference,
          at: now,
        });
        if (balance === null) continue;
        await this.outbox.append(
          m,
          StoreCreditReinstatedV1,
          {
            accountId,
            entryId,
            amount: t.amount,
            currency: p.currency,
            balance,
            orderId: p.orderId,
            refundId: p.refundId,
            tenderReference: t.reference,
            reason: p.reason,
            reinstatedAt: now.toISOString(),
          },
          now,
        );
        this.logger.log({ orderId: p.orderId, refundId: p.refundId, eventId: e.id }, 'store credit reinstated');
      }
    });
  }

  /**
   * Whose balance a store-credit tender came from: the account its redemption spent from; for a
   * replacement paid with the value of a return (the tender names the return), or an order this
   * service never saw redeem, the order's customer.
   */
  private async accountOf(m: EntityManager, orderId: string, reference: string): Promise<string | null> {
    return (await this.storeCredit.accountOfRedemption(m, reference)) ?? (await this.orders.find(m, orderId))?.customerId ?? null;
  }
}
