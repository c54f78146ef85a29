import { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer's cross-channel timeline: a projection of other services' events, one row per event. */
export class Timeline1700000003000 implements MigrationInterface {
  name = 'Timeline1700000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timeline_entries (
        event_id    uuid PRIMARY KEY,
        customer_id text NOT NULL,
        kind        text NOT NULL,
        order_id    uuid,
        channel     text,
        store_id    text,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX timeline_by_customer ON timeline_entries (customer_id, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_entries`);
  }
}
