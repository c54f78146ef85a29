import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds of returns the payment system refused (payment.refund-failed): a refund request's rows
 * carry when and why it failed until an operator sends it again (attempts counts the sendings).
 */
export class RefundFailures1700000070000 implements MigrationInterface {
  name = 'RefundFailures1700000070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refunds ADD COLUMN failed_at timestamptz, ADD COLUMN failure_reason text, ADD COLUMN attempts integer NOT NULL DEFAULT 1`);
    await q.query(`CREATE INDEX refunds_failed ON refunds (failed_at) WHERE failed_at IS NOT NULL AND settled_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refunds_failed`);
    await q.query(`ALTER TABLE refunds DROP COLUMN failed_at, DROP COLUMN failure_reason, DROP COLUMN attempts`);
  }
}
