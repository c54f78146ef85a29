import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the returns service paid back of each tender of an order (return.refund-requested for the
 * payment system's tenders, store-credit.issued for a store-credit tender), so a refund the order
 * service splits later leaves those amounts out (ADR 0011). One row per refund and tender.
 */
export class ReturnRefundTenders1700000090000 implements MigrationInterface {
  name = 'ReturnRefundTenders1700000090000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE return_refund_tenders (
        refund_id    uuid NOT NULL,
        reference    text NOT NULL,
        order_id     uuid NOT NULL,
        return_id    uuid NOT NULL,
        tender       text NOT NULL,
        amount       integer NOT NULL CHECK (amount > 0),
        refunded_at  timestamptz NOT NULL,
        PRIMARY KEY (refund_id, reference)
      )`);
    await q.query(`CREATE INDEX return_refund_tenders_order ON return_refund_tenders (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE return_refund_tenders`);
  }
}
