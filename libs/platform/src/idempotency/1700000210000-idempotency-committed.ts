import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `committed_at`: set in the transaction of the request's effects (with its outbox rows), so that
 * a key whose request committed and then died before answering is never executed again
 * (docs/api-edge.md, Idempotency).
 */
export class IdempotencyCommitted1700000210000 implements MigrationInterface {
  name = 'IdempotencyCommitted1700000210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN committed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN committed_at`);
  }
}
