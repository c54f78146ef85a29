import { ContactChannel } from '@omni/contracts';
import { prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { CustomerPreferences, CustomerPreferencesRepository } from '../application/ports/customer-preferences.port';

/**
 * The order service's copy of what the customer service says about a profile: its preferences
 * (customer.preferences-changed, latest wins) and which profile each order belongs to
 * (customer.order-linked, re-keyed by customer.merged).
 */
export const customerPreferencesRepository = {
  async record(m: EntityManager, customerId: string, prefs: CustomerPreferences, changedAt: Date): Promise<void> {
    // An older event (redelivered, or replayed from the start of the topic) does not overwrite a newer one.
    await m.query(
      `INSERT INTO customer_preferences (customer_id, preferred_contact_channel, marketing_channels, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET preferred_contact_channel = EXCLUDED.preferred_contact_channel, marketing_channels = EXCLUDED.marketing_channels, changed_at = EXCLUDED.changed_at
       WHERE customer_preferences.changed_at <= EXCLUDED.changed_at`,
      [customerId, prefs.preferredContactChannel, prefs.marketingChannels, changedAt],
    );
  },

  /**
   * Which profile each order belongs to, in one statement; the latest link of an order wins (in a
   * run, the later of two links with the same time), and an older one (redelivered, or replayed
   * from the start of the topic) does not overwrite a newer one.
   */
  async linkOrders(m: EntityManager, links: readonly { orderId: string; customerId: string; linkedAt: Date }[]): Promise<void> {
    const latest = new Map<string, { orderId: string; customerId: string; linkedAt: Date }>();
    for (const l of links) {
      const kept = latest.get(l.orderId);
      if (!kept || kept.linkedAt.getTime() <= l.linkedAt.getTime()) latest.set(l.orderId, l);
    }
    if (latest.size === 0) return;
    const rows = [...latest.values()];
    await prepared(
      m,
      'order-customers-link-many',
      `INSERT INTO order_customers (order_id, customer_id, linked_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
       ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, linked_at = EXCLUDED.linked_at
       WHERE order_customers.linked_at <= EXCLUDED.linked_at`,
      [rows.map((r) => r.orderId), rows.map((r) => r.customerId), rows.map((r) => r.linkedAt.toISOString())],
    );
  },

  /** The merged profile's orders now belong to the survivor; its own preferences go (the survivor's follow in customer.preferences-changed). */
  async merge(m: EntityManager, mergedCustomerId: string, survivingCustomerId: string): Promise<void> {
    await m.query(`UPDATE order_customers SET customer_id = $2 WHERE customer_id = $1`, [mergedCustomerId, survivingCustomerId]);
    await m.query(`DELETE FROM customer_preferences WHERE customer_id = $1`, [mergedCustomerId]);
  },

  /** Erasure: nothing about these profiles, nor the marketing consent of their accounts, stays. */
  async forget(m: EntityManager, customerIds: readonly string[], accountIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM customer_preferences WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    await m.query(`DELETE FROM order_customers WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    await m.query(`DELETE FROM marketing_consents WHERE customer_id = ANY($1::uuid[]) OR account_id = ANY($2::text[])`, [customerIds, accountIds]);
  },

  /**
   * The preferred contact channel of the profile each order belongs to: the profile the order was
   * matched to or, before that link arrives, the profile of the customer account that placed it.
   * Null when the order service has heard of neither. One statement for all the orders.
   */
  async preferredChannels(m: EntityManager, orders: readonly { orderId: string; accountId: string | null }[]): Promise<Map<string, ContactChannel | null>> {
    if (orders.length === 0) return new Map();
    const { rows } = await prepared<{ order_id: string; preferred_contact_channel: ContactChannel | null }>(
      m,
      'customer-preferences-of-orders',
      `SELECT o.order_id, p.preferred_contact_channel
       FROM unnest($1::uuid[], $2::text[]) AS o(order_id, account_id)
       CROSS JOIN LATERAL (
         SELECT preferred_contact_channel FROM customer_preferences p WHERE p.customer_id = COALESCE(
           (SELECT customer_id FROM order_customers c WHERE c.order_id = o.order_id),
           (SELECT customer_id FROM marketing_consents k WHERE k.account_id = o.account_id))
         OFFSET 0
       ) AS p`,
      [orders.map((o) => o.orderId), orders.map((o) => o.accountId)],
    );
    return new Map(rows.map((r) => [r.order_id, r.preferred_contact_channel]));
  },

  /** The preferences of the profile of a customer account. */
  async forAccount(m: EntityManager, accountId: string): Promise<CustomerPreferences | null> {
    const rows: { preferred_contact_channel: ContactChannel | null; marketing_channels: ContactChannel[] }[] = await m.query(
      `SELECT p.preferred_contact_channel, p.marketing_channels FROM customer_preferences p
       JOIN marketing_consents c ON c.customer_id = p.customer_id WHERE c.account_id = $1`,
      [accountId],
    );
    return rows[0] ? { preferredContactChannel: rows[0].preferred_contact_channel, marketingChannels: rows[0].marketing_channels } : null;
  },
} satisfies CustomerPreferencesRepository;
