import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `location`: the path of what a keyed request created, written with `committed_at`, so that a
 * retry told its answer was lost (409 IDEMPOTENCY.ANSWER_LOST) learns where to read the outcome
 * (docs/api-edge.md, Idempotency).
 */
export class IdempotencyLocation1700000220000 implements MigrationInterface {
  name = 'IdempotencyLocation1700000220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN location text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN location`);
  }
}
