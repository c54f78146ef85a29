import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns by mail: how an authorisation comes back (dropped at a store, or sent by mail), and for
 * mail the carrier's parcel (label, tracking history, receipt), one per authorisation. A tracking
 * number names one parcel.
 */
export class MailReturnParcels1700000060000 implements MigrationInterface {
  name = 'MailReturnParcels1700000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE return_authorisations ADD COLUMN method text NOT NULL DEFAULT 'drop-off' CHECK (method IN ('drop-off', 'mail')), ADD COLUMN parcel jsonb`,
    );
    await q.query(`ALTER TABLE return_authorisations ADD CONSTRAINT return_authorisations_mail_parcel CHECK (method = 'mail' OR parcel IS NULL)`);
    await q.query(`CREATE UNIQUE INDEX return_authorisations_tracking ON return_authorisations ((parcel->>'trackingNumber')) WHERE parcel IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX return_authorisations_tracking`);
    await q.query(`ALTER TABLE return_authorisations DROP CONSTRAINT return_authorisations_mail_parcel, DROP COLUMN parcel, DROP COLUMN method`);
  }
}
