import { Injectable, Logger } from '@nestjs/common';
import { CustomerErasedPayload, EventEnvelope } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';

/** What replaces a shipping address of an erased customer: the country stays (tax, statistics). */
export const ERASED = '(erased)';

/**
 * The right to be forgotten (customer.erased): the contact the read model keeps for lookups
 * (e-mail, phone, loyalty id) and the addresses given for shipped replacements are removed from
 * the customer's orders and returns; ids, amounts, tenders, refunds and store credit stay. An
 * order.placed of those orders arriving later stores no contact (erased_orders).
 */
@Injectable()
export class ErasureUseCase {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly clock: Clock,
  ) {}

  async erased(e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    const outcome = await this.inbox.once(e, async (m) => {
      const orderIds = await ordersOf(m, e.data);
      await eraseOrders(m, orderIds, this.clock.now());
      this.logger.log({ customerId: e.data.customerId, orders: orderIds.length, eventId: e.id }, 'customer erased from the returns read model');
    });
    if (!outcome.applied) this.logger.log({ eventId: e.id }, 'event already processed');
  }
}

/** The listed orders, and any the read model holds under one of the customer's accounts. */
async function ordersOf(m: EntityManager, p: CustomerErasedPayload): Promise<string[]> {
  const byAccount: { order_id: string }[] = [];
  for (const a of p.accounts)
    byAccount.push(
      ...((await m.query(`SELECT order_id FROM orders WHERE channel = $1 AND customer_id = $2`, [a.channel, a.accountId])) as { order_id: string }[]),
    );
  return [...new Set([...p.orderIds, ...byAccount.map((r) => r.order_id)])];
}

export async function eraseOrders(m: EntityManager, orderIds: readonly string[], now: Date): Promise<void> {
  if (orderIds.length === 0) return;
  const ids = [...orderIds];
  await m.query(`INSERT INTO erased_orders (order_id, erased_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`, [ids, now]);
  await m.query(`UPDATE orders SET email = NULL, phone = NULL, loyalty_id = NULL WHERE order_id = ANY($1::uuid[])`, [ids]);
  await m.query(
    `UPDATE returns SET ship_to = jsonb_build_object('name', $2::text, 'line1', $2::text, 'line2', NULL, 'postcode', $2::text, 'city', $2::text, 'country', ship_to->>'country')
     WHERE order_id = ANY($1::uuid[]) AND ship_to IS NOT NULL`,
    [ids, ERASED],
  );
  // Answers kept for retried POS requests (Idempotency-Key) may show a shipping address.
  await m.query(`DELETE FROM idempotency_keys WHERE response_body LIKE ANY($1::text[])`, [ids.map((id) => `%${id}%`)]);
}
