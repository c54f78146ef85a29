import { Injectable, Logger } from '@nestjs/common';
import { CustomerErasedPayload, EventEnvelope } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';

/** What stands for a name or street of an erased customer; the country of an address stays. */
export const ERASED = '(erased)';

/**
 * The right to be forgotten (customer.erased): the orders of the customer (listed, and any held
 * under one of the accounts) lose their contact (e-mail, phone, loyalty id, name, postcode) and
 * the personal parts of their delivery addresses; amounts, tenders, payment requests and states
 * stay under the ids. The customer's preferences, marketing consent and order links go too.
 * Once per event (inbox); doing it again changes nothing.
 */
@Injectable()
export class EraseOrderContactUseCase {
  private readonly logger = new Logger('EraseOrderContact');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly preferences: CustomerPreferencesRepository,
  ) {}

  async execute(e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    const p = e.data;
    const outcome = await this.inbox.once(e, async (m) => {
      await this.preferences.forget(
        m,
        [p.customerId, ...p.formerCustomerIds],
        p.accounts.map((a) => a.accountId),
      );
      const ids = new Set(p.orderIds);
      for (const a of p.accounts) {
        const rows: { id: string }[] = await m.query(`SELECT id FROM orders WHERE channel = $1 AND customer_id = $2`, [a.channel, a.accountId]);
        for (const r of rows) ids.add(r.id);
      }
      if (ids.size === 0) return;
      const orderIds = [...ids].sort();
      // Every change to an order holds its row (findForUpdate): none saves an old contact or address over this.
      await m.query(`SELECT id FROM orders WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [orderIds]);
      await m.query(`UPDATE orders SET contact = NULL WHERE id = ANY($1::uuid[]) AND contact IS NOT NULL`, [orderIds]);
      await m.query(
        `UPDATE fulfilment_groups SET address = jsonb_build_object('name', $2::text, 'line1', $2::text, 'line2', NULL, 'postcode', $2::text, 'city', $2::text, 'country', address->>'country')
         WHERE order_id = ANY($1::uuid[]) AND address IS NOT NULL`,
        [orderIds, ERASED],
      );
      // Answers kept for retried requests (Idempotency-Key) may show the contact or an address.
      await m.query(`DELETE FROM idempotency_keys WHERE response_body LIKE ANY($1::text[])`, [orderIds.map((id) => `%${id}%`)]);
      this.logger.log({ customerId: p.customerId, orders: orderIds.length, eventId: e.id }, 'orders anonymised');
    });
    if (!outcome.applied) this.logger.log({ customerId: p.customerId, eventId: e.id }, 'event already processed');
  }
}
