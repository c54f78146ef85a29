import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each refund of an order paid at placing splits over its tenders (payment.refund-requested
 * v2 `tenders`), so a later refund never takes a tender twice. Additive: earlier refunds have none.
 */
export class RefundTenders1700000080000 implements MigrationInterface {
  name = 'RefundTenders1700000080000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_requests ADD COLUMN tenders jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_requests DROP COLUMN tenders`);
  }
}
