import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Captures and refunds the payment system refused (payment.capture-failed, payment.refund-failed):
 * a request may be FAILED, with the reason, and is retried by an operator (attempts counts them).
 */
export class PaymentFailures1700000110000 implements MigrationInterface {
  name = 'PaymentFailures1700000110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_requests DROP CONSTRAINT payment_requests_status_check`);
    await q.query(`ALTER TABLE payment_requests ADD CONSTRAINT payment_requests_status_check CHECK (status IN ('REQUESTED', 'DONE', 'FAILED'))`);
    await q.query(
      `ALTER TABLE payment_requests ADD COLUMN failure_reason text, ADD COLUMN failed_at timestamptz, ADD COLUMN attempts integer NOT NULL DEFAULT 1`,
    );
    await q.query(`CREATE INDEX payment_requests_failed ON payment_requests (failed_at) WHERE status = 'FAILED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payment_requests_failed`);
    // A failed request goes back to waiting for the payment system, as before the failure was known.
    await q.query(`UPDATE payment_requests SET status = 'REQUESTED' WHERE status = 'FAILED'`);
    await q.query(`ALTER TABLE payment_requests DROP COLUMN failure_reason, DROP COLUMN failed_at, DROP COLUMN attempts`);
    await q.query(`ALTER TABLE payment_requests DROP CONSTRAINT payment_requests_status_check`);
    await q.query(`ALTER TABLE payment_requests ADD CONSTRAINT payment_requests_status_check CHECK (status IN ('REQUESTED', 'DONE'))`);
  }
}
