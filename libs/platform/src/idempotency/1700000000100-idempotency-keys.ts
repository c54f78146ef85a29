import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys, the same in every service's database (docs/api-edge.md, Idempotency). The
 * primary key is the lock: the request that inserts the row executes, later ones with the same
 * key find it. `status_code` is null while the first request runs.
 */
export class IdempotencyKeys1700000000100 implements MigrationInterface {
  name = 'IdempotencyKeys1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        caller        text NOT NULL,
        method        text NOT NULL,
        route         text NOT NULL,
        key           text NOT NULL,
        request_hash  text NOT NULL,
        status_code   integer,
        response_body text,
        locked_at     timestamptz NOT NULL DEFAULT now(),
        completed_at  timestamptz,
        expires_at    timestamptz NOT NULL,
        PRIMARY KEY (caller, method, route, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
