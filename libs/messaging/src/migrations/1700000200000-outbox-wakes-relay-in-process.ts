import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay is woken in process after a writer's commit, and a writer whose process does not run
 * the leading relay notifies it itself (docs/adr/0016-throughput.md). The statement trigger that
 * made every outbox write NOTIFY goes: PostgreSQL serialises notifying commits on one global lock.
 */
export class OutboxWakesRelayInProcess1700000200000 implements MigrationInterface {
  name = 'OutboxWakesRelayInProcess1700000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }
}
