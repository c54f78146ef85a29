import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, freePort, http, Journey, KafkaProbe, sql, Stack, startStack } from '@omni/testing';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const REPO = path.resolve(__dirname, '../../..');

/**
 * PostgreSQL fails under the services (docs/testing.md, fault 6 on its own): shut down at once
 * (`immediate` mode: no checkpoint, crash recovery at the next start) while orders are on their
 * way, and, separately, gone for a while so that every connection is refused while orders keep
 * arriving. A request that cannot reach the database is refused with 503 `DATABASE.UNAVAILABLE`
 * and changes nothing; its retry with the same Idempotency-Key afterwards places the order once,
 * as does the retry of a request the crash caught half-way.
 * Every order accepted is answered exactly once, and the shelf is never oversold.
 * The services run on a PostgreSQL server of this test's own (production settings: fsync and
 * synchronous_commit on), so the server the other tests share is never touched.
 */
describe('PostgreSQL restarted or refusing connections under load', () => {
  let port: number;
  let stack: Stack | undefined;
  let dataDir: string;
  let deadLetters: KafkaProbe;

  // The embedded server, without DATABASE_URL: always one of this test's own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  const postgres = (cmd: 'start' | 'stop') =>
    execFileSync(process.execPath, [path.join(REPO, 'scripts/infra/postgres.mjs'), cmd, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  const postmaster = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  /** SIGQUIT to the postmaster is `pg_ctl stop -m immediate`; SIGINT is `-m fast`. */
  const shutDown = async (signal: 'SIGQUIT' | 'SIGINT') => {
    const pid = postmaster();
    process.kill(pid, signal);
    await eventually(() => expect(alive(pid)).toBe(false), { timeoutMs: 30_000, intervalMs: 50 });
  };

  beforeAll(async () => {
    deadLetters = await new KafkaProbe().watch([deadLetterTopicOf(ORDER_EVENTS_TOPIC), deadLetterTopicOf(INVENTORY_EVENTS_TOPIC)]);
    port = await freePort();
    dataDir = path.join(REPO, '.cache/pg-data', String(port));
    const adminUrl = postgres('start');
    // A key whose request died with the server is taken over by its retry after 3 s (60 s by default).
    stack = await startStack(['order', 'inventory'], { IDEMPOTENCY_ABANDONED_AFTER_S: '3' }, { pgAdminUrl: adminUrl });
  });
  afterAll(async () => {
    await stack?.stop();
    await deadLetters?.close();
    postgres('stop');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Events a service's consumer counted with `outcome` (events_consumed_total). */
  const consumed = async (url: string, outcome: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return [...text.matchAll(new RegExp(`^events_consumed_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  };
  const allReady = () => Promise.all(Object.values(stack!.services).map((s) => s.ready(120_000)));
  const placeBody = (store: string, sku: string, customerId: string) => ({
    channel: 'web',
    storeId: store,
    customerId,
    currency: 'EUR',
    lines: [{ sku, quantity: 1, unitPrice: 1000 }],
  });

  it('answers every order once after an immediate shutdown mid-load and a restart with crash recovery', async () => {
    const j = new Journey(stack!);
    const store = Journey.id('PG-S');
    const sku = Journey.id('COAT');
    await j.location(store);
    await j.receive(store, sku, 15);

    // Ten orders accepted; the server dies as soon as they are, their events between the outbox,
    // the broker, inventory's transactions and the answers on their way back.
    const before = await Promise.all(Array.from({ length: 10 }, () => j.place(store, [{ sku, quantity: 1 }])));
    // Eight more are on their way, each with its Idempotency-Key, when the server dies under them:
    // each is placed, refused (503), or caught in between; none may be lost or placed twice.
    const customer = `crash-${randomUUID()}`;
    const keys = Array.from({ length: 8 }, () => randomUUID());
    const placeKeyed = (key: string) => http('POST', `${j.order}/orders`, placeBody(store, sku, customer), { 'idempotency-key': key });
    // Sent 10 ms apart, the server killed 30 ms in: the first answered, the last refused, those in between caught anywhere.
    const racing = Promise.all(keys.map((key, i) => new Promise((r) => setTimeout(r, i * 10)).then(() => placeKeyed(key))));
    await new Promise((r) => setTimeout(r, 30));
    await shutDown('SIGQUIT');
    const first = await racing;
    expect(first.map((r) => r.status).filter((status) => status !== 201 && status !== 503)).toEqual([]);
    postgres('start');
    await allReady();
    // The callers retry with their keys until each has its order: placed now, replayed, or (applied
    // when the server died, its answer lost) told where it is.
    const keyed: string[] = [];
    for (const key of keys) {
      keyed.push(
        await eventually(
          async () => {
            const r = await placeKeyed(key);
            if (r.status === 409 && r.body?.code === 'IDEMPOTENCY.ANSWER_LOST') return String(r.body.location).replace('/orders/', '');
            expect(r.status).toBe(201);
            return r.body.id as string;
          },
          { timeoutMs: 30_000 },
        ),
      );
    }
    expect(await sql(stack!.databases.order, 'SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [customer])).toEqual([{ n: keys.length }]);
    expect(new Set(keyed).size).toBe(keys.length);
    const after = await Promise.all(Array.from({ length: 2 }, () => j.place(store, [{ sku, quantity: 1 }])));
    await j.answeredOnce(store, sku, [...before.map((o) => o.id), ...keyed, ...after.map((o) => o.id)], 15);
  });

  it('refuses requests with 503 DATABASE.UNAVAILABLE while no connection is accepted, changes nothing, and places each retried order once', async () => {
    const j = new Journey(stack!);
    const store = Journey.id('PG-R');
    const sku = Journey.id('SCARF');
    await j.location(store);
    await j.receive(store, sku, 12);

    // Eight orders whose events reach inventory only once its database is gone: inventory is held
    // (SIGSTOP, shorter than its session) until order has published them, then the server stops.
    const inventory = stack!.services.inventory;
    const retriedBefore = await consumed(inventory.url, 'retried');
    inventory.pause();
    let before: { id: string }[];
    try {
      before = await Promise.all(Array.from({ length: 8 }, () => j.place(store, [{ sku, quantity: 1 }])));
      await eventually(
        async () => expect(await sql(stack!.databases.order, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).toEqual([{ n: 0 }]),
        { intervalMs: 50 },
      );
      await shutDown('SIGINT');
    } finally {
      inventory.resume();
    }
    // Every connection refused: the services say why they are not ready, and refuse orders cleanly.
    for (const service of Object.values(stack!.services)) {
      await eventually(async () => {
        const ready = await http('GET', `${service.url}/health/ready`);
        expect({ status: ready.status, postgres: ready.body?.error?.postgres?.status }).toEqual({ status: 503, postgres: 'down' });
      });
    }
    const customer = `outage-${randomUUID()}`;
    const keys = Array.from({ length: 8 }, () => randomUUID());
    // Orders keep coming, each with its key; each is refused, and says so.
    const refused = [];
    for (const key of keys) refused.push(await http('POST', `${j.order}/orders`, placeBody(store, sku, customer), { 'idempotency-key': key }));
    expect(refused.map((r) => [r.status, r.body?.code, Number(r.headers.get('retry-after')) > 0])).toEqual(keys.map(() => [503, 'DATABASE.UNAVAILABLE', true]));
    // The outage lasts until inventory's consumer has met it three times with the events in hand:
    // it waits, retrying with its backoff, and parks none of them (checked below).
    await eventually(async () => expect(await consumed(inventory.url, 'retried')).toBeGreaterThanOrEqual(retriedBefore + 3), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });

    postgres('start');
    await allReady();
    expect(await sql(stack!.databases.order, 'SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [customer])).toEqual([{ n: 0 }]);
    // Nothing of the refused requests was kept: their retries, with the same keys, are placed now, once each.
    const retried = await Promise.all(keys.map((key) => http('POST', `${j.order}/orders`, placeBody(store, sku, customer), { 'idempotency-key': key })));
    expect(retried.map((r) => [r.status, r.headers.get('idempotent-replayed')])).toEqual(keys.map(() => [201, null]));
    const again = await http('POST', `${j.order}/orders`, placeBody(store, sku, customer), { 'idempotency-key': keys[0] });
    expect([again.status, again.body.id, again.headers.get('idempotent-replayed')]).toEqual([201, retried[0].body.id, 'true']);
    const orders = [...before!.map((o) => o.id), ...retried.map((r) => r.body.id as string)];
    expect(await sql(stack!.databases.order, 'SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [customer])).toEqual([{ n: 8 }]);
    await j.answeredOnce(store, sku, orders, 12);
    // None of these orders' events was parked for the outage (the shared topics hold other tests' events too: only these count).
    expect(deadLetters.seen.filter((m) => m.key !== null && orders.includes(m.key))).toEqual([]);
  });
});
