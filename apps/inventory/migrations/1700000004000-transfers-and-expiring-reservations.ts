import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Click & collect: a line may be reserved in several pieces (at the store, then re-sourced after
 * a short pick; at a source, then again at the store when the transfer arrives), so one
 * reservation per order line no longer holds. Unconfirmed reservations expire (`expires_at`,
 * NULL once the order is confirmed). A transfer moves one order's units from a source to the
 * pickup store; its lines are the reservations at the source that carry its id.
 */
export class TransfersAndExpiringReservations1700000004000 implements MigrationInterface {
  name = 'TransfersAndExpiringReservations1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reservations DROP CONSTRAINT reservations_order_id_line_id_key`);
    await q.query(`
      CREATE TABLE transfers (
        id                  uuid PRIMARY KEY,
        order_id            uuid NOT NULL,
        from_location_id    text NOT NULL,
        to_location_id      text NOT NULL,
        status              text NOT NULL CHECK (status IN ('REQUESTED', 'SHIPPED', 'RECEIVED', 'CANCELLED')),
        expected_arrival_at timestamptz NOT NULL,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        CHECK (from_location_id <> to_location_id)
      )`);
    await q.query(`CREATE INDEX transfers_order ON transfers (order_id)`);
    await q.query(`CREATE INDEX transfers_from ON transfers (from_location_id, created_at)`);
    await q.query(`CREATE INDEX transfers_to ON transfers (to_location_id, created_at)`);
    await q.query(`ALTER TABLE reservations ADD COLUMN expires_at timestamptz`);
    await q.query(`ALTER TABLE reservations ADD COLUMN transfer_id uuid REFERENCES transfers (id)`);
    await q.query(`ALTER TABLE reservations ADD COLUMN updated_at timestamptz`);
    await q.query(`CREATE INDEX reservations_transfer ON reservations (transfer_id) WHERE transfer_id IS NOT NULL`);
    // The sweeper's query: only active reservations that can still expire.
    await q.query(`CREATE INDEX reservations_expiring ON reservations (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reservations_expiring`);
    await q.query(`DROP INDEX reservations_transfer`);
    await q.query(`ALTER TABLE reservations DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE reservations DROP COLUMN transfer_id`);
    await q.query(`ALTER TABLE reservations DROP COLUMN expires_at`);
    await q.query(`DROP TABLE transfers`);
    await q.query(`ALTER TABLE reservations ADD CONSTRAINT reservations_order_id_line_id_key UNIQUE (order_id, line_id)`);
  }
}
