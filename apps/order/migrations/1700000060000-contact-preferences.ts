import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the customer service says about a customer that notification requests and marketing
 * events follow (docs/customers.md, Preferences): the preferred contact channel and the contact
 * channels with marketing consent, per customer profile (customer.preferences-changed); and the
 * profile each order was matched to (customer.order-linked), re-keyed when profiles merge.
 * Additive: a replica still on the previous version ignores both tables.
 */
export class ContactPreferences1700000060000 implements MigrationInterface {
  name = 'ContactPreferences1700000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_preferences (
        customer_id               uuid PRIMARY KEY,
        preferred_contact_channel text,
        marketing_channels        text[] NOT NULL,
        changed_at                timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE order_customers (
        order_id    uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        linked_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX order_customers_customer ON order_customers (customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_customers`);
    await q.query(`DROP TABLE customer_preferences`);
  }
}
