import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placements still waiting for inventory's first answer, oldest first: what admission by backlog
 * counts (docs/adr/0016-throughput.md, "Admission by backlog"). Partial, so it holds only the few
 * orders in flight, not the history.
 */
export class PlacementsWaiting1700000130000 implements MigrationInterface {
  name = 'PlacementsWaiting1700000130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX orders_waiting_for_inventory ON orders (placed_at) WHERE status = 'PLACED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX orders_waiting_for_inventory`);
  }
}
