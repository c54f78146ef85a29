import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipped units leave their source at once: a reservation whose transfer is shipped is IN_TRANSIT
 * (counted at neither location) until the store receives it.
 */
export class InTransitReservations1700000005000 implements MigrationInterface {
  name = 'InTransitReservations1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reservations DROP CONSTRAINT reservations_status_check`);
    await q.query(`ALTER TABLE reservations ADD CONSTRAINT reservations_status_check CHECK (status IN ('ACTIVE', 'IN_TRANSIT', 'RELEASED', 'CONSUMED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reservations DROP CONSTRAINT reservations_status_check`);
    await q.query(`ALTER TABLE reservations ADD CONSTRAINT reservations_status_check CHECK (status IN ('ACTIVE', 'RELEASED', 'CONSUMED'))`);
  }
}
