import { MigrationInterface, QueryRunner } from 'typeorm';

/** Carts by the time they were started: the window the cart KPIs read (docs/kpis.md, ADR 0028). */
export class CartsByStart1700000140000 implements MigrationInterface {
  name = 'CartsByStart1700000140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX carts_by_start ON carts (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX carts_by_start`);
  }
}
