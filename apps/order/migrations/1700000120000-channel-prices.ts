import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prices per channel (docs/carts.md, ADR 0019): an entry of the price list may be a channel's own
 * (channel '' is every channel, as store_id '' is every store), so the key takes the channel in.
 */
export class ChannelPrices1700000120000 implements MigrationInterface {
  name = 'ChannelPrices1700000120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE price_list ADD COLUMN channel text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE price_list DROP CONSTRAINT price_list_pkey, ADD PRIMARY KEY (sku, currency, store_id, channel, valid_from)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A channel's own prices have no place in the list before channels: they go.
    await q.query(`DELETE FROM price_list WHERE channel <> ''`);
    await q.query(`ALTER TABLE price_list DROP CONSTRAINT price_list_pkey, ADD PRIMARY KEY (sku, currency, store_id, valid_from)`);
    await q.query(`ALTER TABLE price_list DROP COLUMN channel`);
  }
}
