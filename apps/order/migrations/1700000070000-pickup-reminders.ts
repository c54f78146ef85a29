import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a ready pickup's customer was reminded (PICKUP_REMINDER_BEFORE_HOURS before the deadline),
 * so each group is reminded once, by whichever replica's sweeper gets there first. Additive.
 */
export class PickupReminders1700000070000 implements MigrationInterface {
  name = 'PickupReminders1700000070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fulfilment_groups ADD COLUMN reminded_at timestamptz`);
    // The reminder sweeper's query.
    await q.query(
      `CREATE INDEX fulfilment_groups_reminder_due ON fulfilment_groups (pickup_deadline) WHERE status = 'READY_FOR_PICKUP' AND reminded_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fulfilment_groups_reminder_due`);
    await q.query(`ALTER TABLE fulfilment_groups DROP COLUMN reminded_at`);
  }
}
