import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order service's refunds of orders paid at placing (payment.refund-requested v2 with
 * tenders): what each took from which tender, so a later return never refunds a tender twice,
 * and the store-credit entries that put a store-credit part back on the customer's balance
 * (once per refund request and tender).
 */
export class OrderRefunds1700000050000 implements MigrationInterface {
  name = 'OrderRefunds1700000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_refunds (
        refund_id    uuid NOT NULL,
        tender       text NOT NULL,
        reference    text NOT NULL,
        order_id     uuid NOT NULL,
        amount       integer NOT NULL CHECK (amount > 0),
        reason       text NOT NULL,
        requested_at timestamptz NOT NULL,
        PRIMARY KEY (refund_id, tender, reference)
      )`);
    await q.query(`CREATE INDEX order_refunds_order ON order_refunds (order_id)`);
    await q.query(`ALTER TABLE store_credit_entries ADD COLUMN refund_id uuid, ADD COLUMN tender_reference text`);
    await q.query(`CREATE UNIQUE INDEX store_credit_reinstatement ON store_credit_entries (refund_id, tender_reference) WHERE refund_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX store_credit_reinstatement`);
    await q.query(`ALTER TABLE store_credit_entries DROP COLUMN tender_reference, DROP COLUMN refund_id`);
    await q.query(`DROP TABLE order_refunds`);
  }
}
