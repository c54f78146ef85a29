import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ORDER_EVENTS_TOPIC, OrderPlacedV1 } from '@omni/contracts';
import {
  eventually,
  FAST_TEST_ENV,
  freePort,
  freshDatabase,
  KafkaProbe,
  runServiceCommand,
  ServiceName,
  ServiceProcess,
  sql,
  testAuthKeys,
  testEvent,
  testInfra,
} from '@omni/testing';
import { randomUUID } from 'node:crypto';

const SERVICES: ServiceName[] = ['order', 'inventory', 'returns', 'customer'];

/** Timestamps of a service's own migrations, from the file names in apps/<service>/migrations (none yet: empty). */
function ownMigrationTimestamps(service: ServiceName): string[] {
  const dir = path.resolve(__dirname, '../../../apps', service, 'migrations');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^\d{13}-.+\.ts$/.test(f))
        .map((f) => f.slice(0, 13))
        .sort()
    : [];
}

/** Timestamps of the migrations every service shares: messaging's, and the idempotency keys' table. */
function sharedMigrationTimestamps(): string[] {
  const timestamps = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .map((f) => f.slice(0, 13));
  // The messaging tables, and the idempotency keys' (libs/platform).
  return [...timestamps(path.resolve(__dirname, '../src/migrations')), ...timestamps(path.resolve(__dirname, '../../platform/src/idempotency'))];
}

/** JSON log lines of a run. */
const linesOf = (logs: string[]) => logs.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : []));

/**
 * `main.js migrate`, what the migration Job (k8s) and the compose `<service>-migrate` step run:
 * it applies the service's migrations to its database and exits 0, without Kafka.
 */
describe('the migrate command', () => {
  const env = (databaseUrl: string, extra: Record<string, string> = {}) => ({
    ...FAST_TEST_ENV,
    DATABASE_URL: databaseUrl,
    // Nothing listens there: migrating must not need Kafka.
    KAFKA_BROKERS: '127.0.0.1:1',
    AUTH_PUBLIC_KEY: testAuthKeys().publicKey,
    ...extra,
  });

  it.each(SERVICES)('migrates a fresh %s database and exits 0; a second run finds nothing to do', async (service) => {
    const db = await freshDatabase(`${service}_migrate`);
    const first = await runServiceCommand(service, ['migrate'], env(db));
    expect({ code: first.code, logs: first.code === 0 ? [] : first.logs }).toEqual({ code: 0, logs: [] });

    const applied = (await sql<{ name: string }>(db, 'SELECT name FROM migrations ORDER BY id')).map((r) => r.name);
    expect(applied.slice(0, 2)).toEqual(['MessagingTables1700000000000', 'IdempotencyKeys1700000000100']);
    expect(applied.map((n) => /\d{13}$/.exec(n)?.[0]).sort()).toEqual([...sharedMigrationTimestamps(), ...ownMigrationTimestamps(service)].sort());
    const done = linesOf(first.logs).find((l) => l.event === 'migrations.done');
    expect(done).toMatchObject({ service, msg: 'migrations applied', applied });
    const tables = (await sql<{ tablename: string }>(db, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.tablename);
    expect(tables).toEqual(expect.arrayContaining(['outbox', 'inbox', 'idempotency_keys', 'migrations']));

    const second = await runServiceCommand(service, ['migrate'], env(db));
    expect(second.code).toBe(0);
    expect(linesOf(second.logs).find((l) => l.event === 'migrations.done')).toMatchObject({ msg: 'no pending migrations', applied: [] });
    expect(await sql(db, 'SELECT name FROM migrations')).toHaveLength(applied.length);
  });

  it('exits 1 with one JSON line naming the problem when the database cannot be reached', async () => {
    const port = await freePort();
    const run = await runServiceCommand('order', ['migrate'], env(`postgres://omni:omni@127.0.0.1:${port}/nowhere`));
    expect(run.code).toBe(1);
    expect(linesOf(run.logs).find((l) => l.level === 'fatal')).toMatchObject({ service: 'order', msg: 'failed to start' });
  });

  it('refuses an unknown command', async () => {
    const run = await runServiceCommand('order', ['migrations'], env('postgres://omni:omni@127.0.0.1:1/x'));
    expect(run.code).toBe(1);
    expect(linesOf(run.logs).find((l) => l.level === 'fatal')?.err).toMatch(/unknown command "migrations"/);
  });

  it('a service waiting for its migrations consumes nothing until they are applied', async () => {
    // An event waiting for it. Before the fix the consumer was attached before the lifecycle hooks
    // ran, and handled events while the migrations were pending (tables missing: retried, then
    // dead-lettered).
    const orderId = randomUUID();
    const probe = new KafkaProbe();
    await probe.produce(ORDER_EVENTS_TOPIC, [
      testEvent(OrderPlacedV1, {
        orderId,
        channel: 'web',
        storeId: 'S-1',
        customerId: `c-${orderId.slice(0, 8)}`,
        currency: 'EUR',
        lines: [{ lineId: randomUUID(), sku: 'X', quantity: 1, unitPrice: 100 }],
        placedAt: new Date().toISOString(),
      }),
    ]);
    await probe.close();
    const db = await freshDatabase('customer_consume_after_migrate');
    const svc = new ServiceProcess(
      'customer',
      await freePort(),
      env(db, { MIGRATIONS_RUN: 'false', MIGRATIONS_WAIT_SECONDS: '120', KAFKA_BROKERS: testInfra().kafkaBrokers }),
    ).start();
    try {
      await eventually(() => expect(linesOf(svc.logs).some((l) => l.msg === 'waiting for the migration job')).toBe(true));
      expect((await runServiceCommand('customer', ['migrate'], env(db))).code).toBe(0);
      const loggedWhileWaiting = linesOf(svc.logs);
      await svc.ready();
      await eventually(async () => expect(await sql(db, 'SELECT count(*)::int AS n FROM order_links WHERE order_id = $1', [orderId])).toEqual([{ n: 1 }]));
      // The topic also holds other files' events, poison ones among them, which this service is
      // free to dead-letter once it runs. What it must not do is join its group while it waits, or
      // fail on a table that is not there yet.
      expect(loggedWhileWaiting.filter((l) => l.msg === 'consumer joined its group' || String(l.msg).startsWith('event '))).toEqual([]);
      expect(linesOf(svc.logs).some((l) => l.msg === 'consumer joined its group')).toBe(true);
      expect(linesOf(svc.logs).filter((l) => /does not exist/.test(String(l.err ?? l.detail ?? '')))).toEqual([]);
    } finally {
      await svc.stop();
    }
  });

  describe('services with MIGRATIONS_RUN=false', () => {
    it('refuse to start on a database the Job has not migrated, saying so', async () => {
      const db = await freshDatabase('order_nomigrate');
      const run = await runServiceCommand(
        'order',
        [],
        env(db, { MIGRATIONS_RUN: 'false', MIGRATIONS_WAIT_SECONDS: '2', KAFKA_BROKERS: testInfra().kafkaBrokers }),
      );
      expect(run.code).toBe(1);
      expect(linesOf(run.logs).some((l) => l.msg === 'waiting for the migration job')).toBe(true);
      expect(linesOf(run.logs).find((l) => l.level === 'fatal')?.err).toMatch(/migrations still pending after 2 s: run the service's migration Job/);
      expect(await sql(db, `SELECT 1 FROM pg_tables WHERE tablename = 'outbox'`)).toEqual([]);
    });

    it('start once the migrate command has run, applying nothing themselves', async () => {
      const db = await freshDatabase('order_jobfirst');
      expect((await runServiceCommand('order', ['migrate'], env(db))).code).toBe(0);
      const svc = new ServiceProcess('order', await freePort(), env(db, { MIGRATIONS_RUN: 'false', KAFKA_BROKERS: testInfra().kafkaBrokers })).start();
      try {
        await svc.ready();
        expect(linesOf(svc.logs).some((l) => l.msg === 'migrations applied' || l.msg === 'waiting for the migration job')).toBe(false);
      } finally {
        await svc.stop();
      }
    });
  });
});
