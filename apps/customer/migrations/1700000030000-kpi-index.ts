import { MigrationInterface, QueryRunner } from 'typeorm';

/** The KPIs read the placements of a window first (docs/kpis.md): by time, among placements only. */
export class KpiIndex1700000030000 implements MigrationInterface {
  name = 'KpiIndex1700000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX timeline_placed_by_time ON timeline_entries (occurred_at) WHERE kind = 'order.placed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX timeline_placed_by_time`);
  }
}
