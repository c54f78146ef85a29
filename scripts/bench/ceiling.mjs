// The database's own ceiling for one order's minimum work, measured with pgbench on the same
// server the services use, so the benchmark can say how close the system gets to it. One pgbench
// "transaction" is one click & collect order, as three database transactions and eight
// statements — placement (order + outbox), reservation (inbox + conditional stock update + outbox),
// confirmation (inbox + order + outbox) — with prepared statements, fsync and synchronous_commit
// as the server has them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const SCHEMA = `
DROP TABLE IF EXISTS c_orders, c_stock, c_outbox, c_inbox;
CREATE TABLE c_orders (id uuid PRIMARY KEY, status text NOT NULL, body jsonb NOT NULL, version int NOT NULL DEFAULT 1);
CREATE TABLE c_stock (sku int PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL DEFAULT 0);
INSERT INTO c_stock SELECT g, 100000000 FROM generate_series(1, 1000) g;
CREATE TABLE c_outbox (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, topic text NOT NULL, message_key text NOT NULL,
  event_type text NOT NULL, headers jsonb NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz);
CREATE INDEX c_outbox_unsent ON c_outbox (seq) WHERE sent_at IS NULL;
CREATE TABLE c_inbox (consumer text NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id));
`;

const PAYLOAD = JSON.stringify({
  orderId: 'x',
  channel: 'web',
  currency: 'EUR',
  lines: [{ lineId: 'l', sku: 'SKU-1', quantity: 1, unitPrice: 1000 }],
  fulfilments: [{ fulfilmentId: 'f', type: 'pickup', storeId: 'S' }],
  placedAt: new Date().toISOString(),
}).replace(/'/g, "''");
const HEADERS = JSON.stringify({ ce_specversion: '1.0', ce_type: 'x', ce_source: '/order', ce_time: new Date().toISOString(), ce_correlationid: 'c' });

const SCRIPT = `\\set sku random(1, 1000)
BEGIN;
INSERT INTO c_orders (id, status, body) VALUES (gen_random_uuid(), 'PLACED', '${PAYLOAD}') RETURNING id AS order_id \\gset
INSERT INTO c_outbox (id, topic, message_key, event_type, headers, payload) VALUES (gen_random_uuid(), 'order.events.v1', :order_id, 'order.placed.v2', '${HEADERS}', '${PAYLOAD}');
COMMIT;
BEGIN;
INSERT INTO c_inbox (consumer, event_id, event_type) VALUES ('inventory', gen_random_uuid(), 'order.placed.v2');
UPDATE c_stock SET reserved = reserved + 1 WHERE sku = :sku AND on_hand - reserved >= 1;
INSERT INTO c_outbox (id, topic, message_key, event_type, headers, payload) VALUES (gen_random_uuid(), 'inventory.events.v1', :order_id, 'inventory.reserved.v1', '${HEADERS}', '${PAYLOAD}');
COMMIT;
BEGIN;
INSERT INTO c_inbox (consumer, event_id, event_type) VALUES ('order', gen_random_uuid(), 'inventory.reserved.v1');
UPDATE c_orders SET status = 'RESERVED', version = version + 1 WHERE id = :order_id;
INSERT INTO c_outbox (id, topic, message_key, event_type, headers, payload) VALUES (gen_random_uuid(), 'order.events.v1', :order_id, 'order.confirmed.v1', '${HEADERS}', '${PAYLOAD}');
COMMIT;
`;

function pgbenchBinary(log) {
  if (spawnSync('pgbench', ['--version'], { stdio: 'ignore' }).status === 0) return 'pgbench';
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) return null;
  log('  installing pgbench (Debian package postgresql-client)');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql-client'], { stdio: 'ignore' });
  return spawnSync('pgbench', ['--version'], { stdio: 'ignore' }).status === 0 ? 'pgbench' : null;
}

/**
 * Runs the order's minimum work with pgbench for `seconds` on `clients` connections against
 * `adminUrl`'s server (in a scratch database) and returns orders/s, or null when pgbench is missing.
 */
export async function databaseCeiling({ adminUrl, seconds = 10, clients = 8, log = console.log }) {
  const pgbench = pgbenchBinary(log);
  if (!pgbench) return null;
  const { createDatabase, dropDatabase, databaseUrl } = await import('../infra/postgres.mjs');
  const db = 'bench_ceiling';
  await dropDatabase(adminUrl, db);
  await createDatabase(adminUrl, db);
  const url = databaseUrl(adminUrl, db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-ceiling-'));
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(SCHEMA).finally(() => client.end());
    const script = path.join(dir, 'order.sql');
    fs.writeFileSync(script, SCRIPT);
    const r = spawnSync(pgbench, ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}`);
    const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
    return { ordersPerSecond: tps, clients, seconds, statementsPerOrder: 8, transactionsPerOrder: 3 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase(adminUrl, db).catch(() => undefined);
  }
}

/** The settings of the server under test that its figures depend on. */
export async function serverSettings(adminUrl) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const out = {};
    for (const name of ['server_version', 'fsync', 'synchronous_commit', 'autovacuum', 'shared_buffers', 'max_wal_size'])
      out[name] = (await c.query(`SHOW ${name}`)).rows[0][name];
    return out;
  } finally {
    await c.end();
  }
}
