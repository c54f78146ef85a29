import { MigrationInterface, QueryRunner } from 'typeorm';

/** A shipped transfer that never arrived can be declared LOST (docs/click-and-collect.md, "A transfer that never arrives"). */
export class LostTransfers1700000130000 implements MigrationInterface {
  name = 'LostTransfers1700000130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfers DROP CONSTRAINT transfers_status_check`);
    await q.query(`ALTER TABLE transfers ADD CONSTRAINT transfers_status_check CHECK (status IN ('REQUESTED', 'SHIPPED', 'RECEIVED', 'CANCELLED', 'LOST'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfers DROP CONSTRAINT transfers_status_check`);
    await q.query(`ALTER TABLE transfers ADD CONSTRAINT transfers_status_check CHECK (status IN ('REQUESTED', 'SHIPPED', 'RECEIVED', 'CANCELLED'))`);
  }
}
