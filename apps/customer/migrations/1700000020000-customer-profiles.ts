import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer profiles and their identities, order links, merges (audited), consents, erasure
 * tombstones; the timeline becomes a projection of order events keyed by order, not by
 * customer, with the Kafka position of each entry so a rebuild can replace what it re-read.
 */
export class CustomerProfiles1700000020000 implements MigrationInterface {
  name = 'CustomerProfiles1700000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_profiles (
        id                        uuid PRIMARY KEY,
        status                    text NOT NULL CHECK (status IN ('ACTIVE', 'MERGED', 'ERASED')),
        merged_into               uuid REFERENCES customer_profiles (id),
        name                      text,
        name_key                  text,
        postcode                  text,
        home_store_id             text,
        preferred_contact_channel text,
        consents                  jsonb NOT NULL DEFAULT '[]',
        created_at                timestamptz NOT NULL,
        updated_at                timestamptz NOT NULL,
        erased_at                 timestamptz,
        CHECK ((status = 'MERGED') = (merged_into IS NOT NULL)),
        CHECK (merged_into IS NULL OR merged_into <> id)
      )`);
    await q.query(`CREATE INDEX customer_profiles_by_name ON customer_profiles (name_key, postcode) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX customer_profiles_by_survivor ON customer_profiles (merged_into) WHERE merged_into IS NOT NULL`);

    // One identity belongs to one profile at a time: the primary key is what makes two orders
    // racing to create a profile for one e-mail end with one profile (the loser retries).
    await q.query(`
      CREATE TABLE customer_identities (
        kind        text NOT NULL CHECK (kind IN ('account', 'loyalty-id', 'email', 'phone')),
        scope       text NOT NULL DEFAULT '',
        value       text NOT NULL,
        profile_id  uuid NOT NULL REFERENCES customer_profiles (id),
        mailbox_key text,
        added_at    timestamptz NOT NULL,
        PRIMARY KEY (kind, scope, value)
      )`);
    await q.query(`CREATE INDEX customer_identities_by_profile ON customer_identities (profile_id)`);
    await q.query(`CREATE INDEX customer_identities_by_mailbox ON customer_identities (mailbox_key) WHERE mailbox_key IS NOT NULL`);

    await q.query(`
      CREATE TABLE order_links (
        order_id   uuid PRIMARY KEY,
        profile_id uuid NOT NULL REFERENCES customer_profiles (id),
        matched_by text NOT NULL,
        channel    text NOT NULL,
        linked_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX order_links_by_profile ON order_links (profile_id)`);

    // A profile is merged at most once: the unique source is the last guard against a double merge.
    await q.query(`
      CREATE TABLE customer_merges (
        id                uuid PRIMARY KEY,
        source_profile_id uuid NOT NULL UNIQUE REFERENCES customer_profiles (id),
        target_profile_id uuid NOT NULL REFERENCES customer_profiles (id),
        merged_by         text NOT NULL,
        reason            text NOT NULL,
        merged_at         timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE duplicate_hints (
        profile_a   uuid NOT NULL REFERENCES customer_profiles (id),
        profile_b   uuid NOT NULL REFERENCES customer_profiles (id),
        order_id    uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (profile_a, profile_b, order_id),
        CHECK (profile_a < profile_b)
      )`);

    await q.query(`
      CREATE TABLE consent_records (
        id              bigserial PRIMARY KEY,
        profile_id      uuid NOT NULL REFERENCES customer_profiles (id),
        contact_channel text NOT NULL,
        granted         boolean NOT NULL,
        recorded_at     timestamptz NOT NULL,
        source_channel  text,
        source_store_id text,
        recorded_by     text NOT NULL
      )`);
    await q.query(`CREATE INDEX consent_records_by_profile ON consent_records (profile_id, recorded_at)`);

    await q.query(`
      CREATE TABLE customer_erasures (
        profile_id   uuid PRIMARY KEY REFERENCES customer_profiles (id),
        requested_by text NOT NULL,
        erased_at    timestamptz NOT NULL
      )`);
    // Keyed hashes of erased identities: an old order carrying one is recognised, never re-profiled.
    await q.query(`
      CREATE TABLE erasure_tombstones (
        identity_hash text PRIMARY KEY,
        profile_id    uuid NOT NULL REFERENCES customer_profiles (id),
        erased_at     timestamptz NOT NULL
      )`);

    // Timeline entries written so far were keyed by the order's customer id (an account id):
    // each such account becomes a profile holding it, and its orders are linked to it.
    await q.query(`
      CREATE TEMPORARY TABLE legacy_accounts ON COMMIT DROP AS
      SELECT channel, customer_id, gen_random_uuid() AS profile_id, min(occurred_at) AS first_seen
      FROM timeline_entries WHERE channel IS NOT NULL GROUP BY channel, customer_id`);
    await q.query(`
      INSERT INTO customer_profiles (id, status, created_at, updated_at)
      SELECT profile_id, 'ACTIVE', first_seen, first_seen FROM legacy_accounts`);
    await q.query(`
      INSERT INTO customer_identities (kind, scope, value, profile_id, added_at)
      SELECT 'account', channel, customer_id, profile_id, first_seen FROM legacy_accounts`);
    await q.query(`
      INSERT INTO order_links (order_id, profile_id, matched_by, channel, linked_at)
      SELECT DISTINCT ON (t.order_id) t.order_id, a.profile_id, 'account', t.channel, t.occurred_at
      FROM timeline_entries t JOIN legacy_accounts a ON a.channel = t.channel AND a.customer_id = t.customer_id
      WHERE t.order_id IS NOT NULL ORDER BY t.order_id, t.occurred_at`);

    await q.query(`DROP INDEX timeline_by_customer`);
    await q.query(`ALTER TABLE timeline_entries DROP COLUMN customer_id`);
    await q.query(`ALTER TABLE timeline_entries ALTER COLUMN order_id SET NOT NULL`);
    await q.query(`ALTER TABLE timeline_entries ADD COLUMN fulfilment_id uuid, ADD COLUMN details jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN topic text, ADD COLUMN kafka_partition integer, ADD COLUMN kafka_offset bigint`);
    await q.query(`UPDATE timeline_entries SET details = jsonb_build_object('groups', '[]'::jsonb, 'placedAtStoreId', NULL) WHERE kind = 'order.placed'`);
    await q.query(`CREATE INDEX timeline_by_order ON timeline_entries (order_id, occurred_at)`);
    await q.query(`CREATE INDEX timeline_by_position ON timeline_entries (topic, kafka_partition, kafka_offset)`);

    // Where a rebuild writes what it re-reads from the topics before it replaces the live entries.
    await q.query(
      `CREATE UNLOGGED TABLE timeline_rebuild (rebuild_id uuid NOT NULL, LIKE timeline_entries INCLUDING DEFAULTS, PRIMARY KEY (rebuild_id, event_id))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_rebuild`);
    await q.query(`DROP INDEX timeline_by_position`);
    await q.query(`DROP INDEX timeline_by_order`);
    await q.query(
      `ALTER TABLE timeline_entries DROP COLUMN fulfilment_id, DROP COLUMN details, DROP COLUMN topic, DROP COLUMN kafka_partition, DROP COLUMN kafka_offset`,
    );
    await q.query(`ALTER TABLE timeline_entries ADD COLUMN customer_id text`);
    // Back to the account id of the order's channel where the profile has one, else the profile id.
    await q.query(`
      UPDATE timeline_entries t SET customer_id = COALESCE(
        (SELECT i.value FROM customer_identities i WHERE i.profile_id = l.profile_id AND i.kind = 'account' AND i.scope = l.channel LIMIT 1), l.profile_id::text)
      FROM order_links l WHERE l.order_id = t.order_id`);
    await q.query(`DELETE FROM timeline_entries WHERE customer_id IS NULL`);
    await q.query(`ALTER TABLE timeline_entries ALTER COLUMN customer_id SET NOT NULL, ALTER COLUMN order_id DROP NOT NULL`);
    await q.query(`CREATE INDEX timeline_by_customer ON timeline_entries (customer_id, occurred_at DESC)`);
    await q.query(
      `DROP TABLE erasure_tombstones, customer_erasures, consent_records, duplicate_hints, customer_merges, order_links, customer_identities, customer_profiles`,
    );
  }
}
