import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carts and their continuation across channels (docs/carts.md), and the marketing consent read
 * model fed by customer.preferences-changed, keyed by customer account id.
 */
export class Carts1700000030000 implements MigrationInterface {
  name = 'Carts1700000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE carts (
        id                 uuid PRIMARY KEY,
        owner_id           text,
        status             text NOT NULL CHECK (status IN ('OPEN', 'CHECKED_OUT', 'MERGED', 'ABANDONED')),
        currency           text NOT NULL,
        started_channel    text NOT NULL,
        started_store_id   text,
        current_channel    text NOT NULL,
        current_store_id   text,
        lines              jsonb NOT NULL,
        created_at         timestamptz NOT NULL,
        last_activity_at   timestamptz NOT NULL,
        order_id           uuid,
        merged_into_id     uuid,
        handoff_hash       text,
        handoff_expires_at timestamptz
      )`);
    // One open cart per customer account: the same cart on every channel.
    await q.query(`CREATE UNIQUE INDEX carts_one_open_per_owner ON carts (owner_id) WHERE status = 'OPEN' AND owner_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX carts_handoff ON carts (handoff_hash) WHERE handoff_hash IS NOT NULL`);
    // The abandonment sweeper's query.
    await q.query(`CREATE INDEX carts_open_activity ON carts (last_activity_at) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX carts_order ON carts (order_id) WHERE order_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE marketing_consents (
        account_id  text PRIMARY KEY,
        customer_id uuid NOT NULL,
        granted     boolean NOT NULL,
        changed_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE marketing_consents`);
    await q.query(`DROP TABLE carts`);
  }
}
