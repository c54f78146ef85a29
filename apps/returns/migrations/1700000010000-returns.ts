import { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_POLICY } from '../src/domain/policy';

/**
 * The returns service's own data: its read model of orders (fed by order events only), the
 * versioned return policy (version 1 seeded here), returns and exchanges, refunds asked for,
 * store-credit accounts (ADR 0009) and return authorisations started online.
 * The CHECKs are the last line against returning more than was received.
 */
export class Returns1700000010000 implements MigrationInterface {
  name = 'Returns1700000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders (
        order_id           uuid PRIMARY KEY,
        receipt            text NOT NULL,
        channel            text NOT NULL,
        placed_at_store_id text,
        customer_id        text,
        email              text,
        phone              text,
        loyalty_id         text,
        currency           text NOT NULL,
        tenders            jsonb NOT NULL DEFAULT '[]',
        cancelled          boolean NOT NULL DEFAULT false,
        placed_at          timestamptz NOT NULL
      )`);
    for (const col of ['receipt', 'customer_id', 'email', 'phone', 'loyalty_id']) await q.query(`CREATE INDEX orders_${col} ON orders (${col})`);
    await q.query(`
      CREATE TABLE order_lines (
        order_id      uuid NOT NULL REFERENCES orders (order_id),
        line_id       uuid NOT NULL,
        fulfilment_id uuid,
        sku           text NOT NULL,
        unit_price    integer NOT NULL CHECK (unit_price >= 0),
        quantity      integer NOT NULL CHECK (quantity > 0),
        cancelled     integer NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
        received      integer NOT NULL DEFAULT 0 CHECK (received >= 0),
        returned      integer NOT NULL DEFAULT 0 CHECK (returned >= 0),
        received_at   timestamptz,
        PRIMARY KEY (order_id, line_id),
        CONSTRAINT order_lines_received_within_bought CHECK (received + cancelled <= quantity),
        CONSTRAINT order_lines_returned_within_received CHECK (returned <= received)
      )`);
    await q.query(`
      CREATE TABLE shipments (
        order_id      uuid NOT NULL,
        fulfilment_id uuid NOT NULL,
        location_id   text NOT NULL,
        lines         jsonb NOT NULL,
        shipped_at    timestamptz NOT NULL,
        delivered_at  timestamptz,
        PRIMARY KEY (order_id, fulfilment_id)
      )`);
    await q.query(`
      CREATE TABLE return_policies (
        version        integer PRIMARY KEY CHECK (version > 0),
        effective_from timestamptz NOT NULL,
        document       jsonb NOT NULL,
        published_at   timestamptz NOT NULL DEFAULT now(),
        published_by   text NOT NULL
      )`);
    await q.query(`INSERT INTO return_policies (version, effective_from, document, published_by) VALUES (1, '2000-01-01T00:00:00Z', $1, 'migration')`, [
      JSON.stringify(INITIAL_POLICY),
    ]);
    await q.query(`
      CREATE TABLE returns (
        id                       uuid PRIMARY KEY,
        request_id               text NOT NULL,
        order_id                 uuid NOT NULL REFERENCES orders (order_id),
        kind                     text NOT NULL CHECK (kind IN ('return', 'exchange')),
        status                   text NOT NULL CHECK (status IN ('AWAITING_REPLACEMENT', 'COMPLETED', 'REPLACEMENT_UNAVAILABLE')),
        store_id                 text NOT NULL,
        associate_id             text,
        order_channel            text NOT NULL,
        order_placed_at_store_id text,
        customer_id              text,
        authorisation_id         uuid,
        policy_version           integer NOT NULL REFERENCES return_policies (version),
        currency                 text NOT NULL,
        lines                    jsonb NOT NULL,
        replacements             jsonb NOT NULL,
        difference               integer NOT NULL,
        refund_method            text,
        refund_amount            integer NOT NULL CHECK (refund_amount >= 0),
        charged                  jsonb,
        failure_reason           text,
        created_at               timestamptz NOT NULL,
        completed_at             timestamptz,
        UNIQUE (store_id, request_id)
      )`);
    await q.query(`CREATE INDEX returns_order ON returns (order_id)`);
    await q.query(`
      CREATE TABLE refunds (
        id         uuid PRIMARY KEY,
        return_id  uuid NOT NULL REFERENCES returns (id),
        order_id   uuid NOT NULL,
        tender     text NOT NULL,
        reference  text NOT NULL,
        amount     integer NOT NULL CHECK (amount > 0),
        request_id uuid,
        settled_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (return_id, tender, reference)
      )`);
    await q.query(`CREATE INDEX refunds_order ON refunds (order_id)`);
    await q.query(`CREATE INDEX refunds_request ON refunds (request_id)`);
    await q.query(`
      CREATE TABLE store_credit_accounts (
        account_id text NOT NULL,
        currency   text NOT NULL,
        balance    integer NOT NULL DEFAULT 0 CHECK (balance >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, currency)
      )`);
    await q.query(`
      CREATE TABLE store_credit_entries (
        id         uuid PRIMARY KEY,
        account_id text NOT NULL,
        currency   text NOT NULL,
        delta      integer NOT NULL CHECK (delta <> 0),
        return_id  uuid UNIQUE,
        reference  text,
        order_id   uuid,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX store_credit_entries_account ON store_credit_entries (account_id, currency)`);
    // A redemption retried with the caller's reference spends once.
    await q.query(`CREATE UNIQUE INDEX store_credit_redemption_reference ON store_credit_entries (account_id, reference) WHERE reference IS NOT NULL`);
    await q.query(`
      CREATE TABLE return_authorisations (
        id          uuid PRIMARY KEY,
        code        text NOT NULL UNIQUE,
        order_id    uuid NOT NULL REFERENCES orders (order_id),
        customer_id text,
        lines       jsonb NOT NULL,
        status      text NOT NULL CHECK (status IN ('OPEN', 'USED')),
        return_id   uuid,
        expires_at  timestamptz NOT NULL,
        created_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'return_authorisations',
      'store_credit_entries',
      'store_credit_accounts',
      'refunds',
      'returns',
      'return_policies',
      'shipments',
      'order_lines',
      'orders',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
