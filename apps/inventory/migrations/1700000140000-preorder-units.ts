import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A preorder line is served unit by unit as supply arrives at its store (docs/preorders.md): the
 * units it holds so far, never more than it asked for. It is ALLOCATED once it holds them all.
 */
export class PreorderUnits1700000140000 implements MigrationInterface {
  name = 'PreorderUnits1700000140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE preorder_queue ADD COLUMN allocated integer NOT NULL DEFAULT 0`);
    // Lines allocated before held all their units.
    await q.query(`UPDATE preorder_queue SET allocated = quantity WHERE status = 'ALLOCATED'`);
    await q.query(`ALTER TABLE preorder_queue ADD CONSTRAINT preorder_queue_allocated CHECK (allocated >= 0 AND allocated <= quantity)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE preorder_queue DROP COLUMN allocated`);
  }
}
