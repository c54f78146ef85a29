import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns and exchanges finished at a store (from return.completed), for channel credit: what a
 * store took back or exchanged of orders that began elsewhere.
 */
export class ReturnsTakenBack1700000050000 implements MigrationInterface {
  name = 'ReturnsTakenBack1700000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE returns_taken_back (
        return_id                uuid PRIMARY KEY,
        order_id                 uuid NOT NULL,
        store_id                 text NOT NULL,
        kind                     text NOT NULL,
        order_channel            text NOT NULL,
        order_placed_at_store_id text,
        currency                 char(3) NOT NULL,
        returned_value           integer NOT NULL CHECK (returned_value >= 0),
        completed_at             timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX returns_taken_back_store ON returns_taken_back (store_id, completed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE returns_taken_back`);
  }
}
