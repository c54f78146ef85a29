import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price list is published (price-list.changed) from this version on. Prices listed before it
 * are announced once, by the first instance to start after this migration (PriceListUseCase), so
 * that the returns service prices exchanges from the whole list, not only from what changes next.
 */
export class PriceListAnnounced1700000150000 implements MigrationInterface {
  name = 'PriceListAnnounced1700000150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE pending_announcements (what text PRIMARY KEY)`);
    await q.query(`INSERT INTO pending_announcements (what) VALUES ('price-list')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pending_announcements`);
  }
}
