import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stores and warehouses. Stock rows are not tied to a location by a foreign key: stock received
 * before this table existed keeps working, and the application refuses adjustments for an
 * unknown location instead.
 */
export class Locations1700000003000 implements MigrationInterface {
  name = 'Locations1700000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE locations (
        id                 text PRIMARY KEY,
        name               text NOT NULL,
        kind               text NOT NULL CHECK (kind IN ('store', 'warehouse')),
        time_zone          text NOT NULL,
        offers_pickup      boolean NOT NULL,
        pick_time_minutes  integer NOT NULL CHECK (pick_time_minutes >= 0),
        pickup_hold_days   integer NOT NULL CHECK (pickup_hold_days BETWEEN 1 AND 60),
        transfer_days      integer NOT NULL CHECK (transfer_days >= 0),
        latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE locations`);
  }
}
