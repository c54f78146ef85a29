// `npm run bench`: the throughput benchmark of the click & collect hot paths, with the four
// services, Kafka and PostgreSQL on this machine in their shipped configuration (fsync and
// synchronous_commit on). Prints figures; asserts nothing. Loopback only, bounded in time.
//
//   npm run bench [-- --rates 100,250,500,750,1000] [--seconds 10] [--atp-rate 5000] [--reservations 20000] [--json out.json] [--quick] [--prefer-wait 5] [--overload-rate 400] [--statements 10]
//
// What it runs, one after the other on the same stack:
// 1. availability: a closed loop of --atp-callers (the most it serves) and an open loop at
//    --atp-rate checks/s (latency at that rate), storefront token, one SKU of 1,000 per check;
// 2. placement → reserved: a sweep of open-loop rates, each for --seconds, through POST /orders
//    with an Idempotency-Key on every request, half guests and half signed-in customers, one line
//    of 1,000 SKUs; latency from each request's due time to order.confirmed seen on Kafka. The
//    highest rate sustained is the highest with ≥ 99.5 % confirmed and p99 < 1 s;
// 3. overload: twice that rate (or --overload-rate, to compare builds at one rate) — accepted,
//    shed (429/503) and the accepted requests' p99;
// 4. a hot SKU: every order for the same SKU;
// 5. the reservation path alone: --reservations order.placed events put straight onto Kafka;
// 6. recovery (--recovery-rate, the highest sustained by default): under steady load, inventory
//    SIGKILLed, then order, then the broker, then PostgreSQL (immediate shutdown) and started
//    again: time to ready, how far the consumer lag climbs and how soon it is back;
// 7. the database's own ceiling for one order's minimum work (pgbench, same server).
// CPU per order is read per process from /proc (services, broker, PostgreSQL, this client).
import { parseArgs } from 'node:util';
import { runOnNode24 } from './lib/node-runtime.mjs';
import { build, ensureKafka, ensureNpmPackages, REPO, step } from './lib/setup.mjs';

await runOnNode24();

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rates: { type: 'string' },
    seconds: { type: 'string' },
    'atp-rate': { type: 'string' },
    'atp-seconds': { type: 'string' },
    'atp-callers': { type: 'string' },
    reservations: { type: 'string' },
    'hot-rate': { type: 'string' },
    skip: { type: 'string', default: '' },
    json: { type: 'string' },
    'prefer-wait': { type: 'string' },
    'overload-rate': { type: 'string' },
    /** Orders/s of the recovery steps (a service, the broker, PostgreSQL killed under load); the highest sustained rate by default. */
    'recovery-rate': { type: 'string' },
    /** With N, each rate of the sweep prints its N costliest statements and WAL (pg_stat_statements, when the server preloads it). */
    statements: { type: 'string' },
  },
});
const quick = opt.quick;
const num = (v, dflt) => (v === undefined ? dflt : Number(v));
const RATES = (opt.rates ?? (quick ? '20,40' : '100,250,500,750,1000,1250,1500')).split(',').map(Number);
const SECONDS = num(opt.seconds, quick ? 2 : 10);
const ATP_RATE = num(opt['atp-rate'], quick ? 200 : 5000);
const ATP_SECONDS = num(opt['atp-seconds'], quick ? 2 : 10);
const ATP_CALLERS = num(opt['atp-callers'], 32);
const RESERVATIONS = num(opt.reservations, quick ? 300 : 20000);
const HOT_RATE = num(opt['hot-rate'], quick ? 20 : 200);
const OVERLOAD_RATE = num(opt['overload-rate'], null);
const RECOVERY_RATE = num(opt['recovery-rate'], null);
/** A recovery step: load for RECOVERY_SECONDS, its fault injected KILL_AFTER_S into it. */
const RECOVERY_SECONDS = quick ? 12 : 30;
const KILL_AFTER_S = quick ? 3 : 5;
const SKIP = new Set(opt.skip.split(',').filter(Boolean));
const SKUS = 1000;
const CUSTOMERS = quick ? 10 : 200;
/** With --prefer-wait N, placements send `Prefer: wait=N` and are answered with their outcome: HTTP latency then includes the wait. */
const PREFER_WAIT = opt['prefer-wait'] === undefined ? null : Number(opt['prefer-wait']);

ensureNpmPackages();
await ensureKafka();
build();

const path = await import('node:path');
const fs = await import('node:fs');
const { randomUUID } = await import('node:crypto');
const { createRequire } = await import('node:module');
const { startLocalStack } = await import('./lib/stack.mjs');
const { serverProcessOf } = await import('./infra/postgres.mjs');
const { mintToken } = await import('./tools/mint-token.mjs');
const { request, openLoop, latency } = await import('./bench/client.mjs');
const { processGroups, cpuBetween, rssPeaks, SYSTEM } = await import('./bench/processes.mjs');
const { databaseCeiling, serverSettings } = await import('./bench/ceiling.mjs');
const { statementWatch, printStatements, analyzeDatabases } = await import('./bench/statements.mjs');
const { outcomeWatcher, lagReader } = await import('./bench/kafka-watch.mjs');
const { kafkaRequestReader, requestsPerOrder } = await import('./bench/kafka-requests.mjs');
const { availability } = await import('./bench/availability.mjs');
const { reservationPath } = await import('./bench/reservations.mjs');
const { report, countBy, printStep, printRecovery, gitCommit } = await import('./bench/report.mjs');
const { recoveryFaults, recovery, stopRestartedPostgres } = await import('./bench/recovery.mjs');
const contracts = createRequire(import.meta.url)(path.join(REPO, 'dist/libs/contracts/src/index.js'));

const SERVICES = { order: 3101, inventory: 3102, returns: 3103, customer: 3104 };
const KAFKA_PORT = 19292;
const run = Date.now().toString(36).toUpperCase();
const STORE = `BENCH-${run}`;
const sku = (i) => `BENCH-SKU-${i % SKUS}`;
const HOT_SKU = `BENCH-HOT-${run}`;
// The shipped configuration but one operator setting: the storefront calls availability thousands
// of times a second with one token, which the default per-caller limit (1,200/min) would refuse.
const ENV = { RATE_LIMIT_PER_MINUTE: '1000000' };
const log = (m) => console.log(m);
const results = {
  startedAt: new Date().toISOString(),
  commit: gitCommit(REPO),
  node: process.version,
  options: { RATES, SECONDS, ATP_RATE, ATP_SECONDS, ATP_CALLERS, RESERVATIONS, HOT_RATE, quick },
  env: ENV,
};

const stack = await startLocalStack({
  services: SERVICES,
  kafkaPort: KAFKA_PORT,
  databasePrefix: `bench_${run.toLowerCase()}`,
  env: ENV,
  logDir: path.join(REPO, '.cache/bench-logs'),
  dropDatabasesOnStop: true,
});
const RECOVERY_FAULTS = recoveryFaults({ stack, kafkaPort: KAFKA_PORT, repo: REPO });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping = true) && stack.stop().then(() => process.exit(130)));

try {
  const postmasterPid = (await serverProcessOf(stack.pg.adminUrl))?.pid ?? null;
  const kafkaPid = Number(fs.readFileSync(path.join(REPO, '.cache/kafka-data', String(KAFKA_PORT), 'kafka.pid'), 'utf8'));
  const snapshot = processGroups({ servicePids: stack.pids, kafkaPid, postmasterPid });
  results.postgres = await serverSettings(stack.pg.adminUrl);
  log(
    `  PostgreSQL ${results.postgres.server_version} (${stack.pg.embedded ? 'embedded' : 'DATABASE_URL'}): fsync ${results.postgres.fsync}, synchronous_commit ${results.postgres.synchronous_commit}, autovacuum ${results.postgres.autovacuum}`,
  );

  const admin = { authorization: `Bearer ${await mintToken({ sub: 'bench-admin', scope: 'admin' })}` };
  const storefront = {
    authorization: `Bearer ${await mintToken({ sub: 'bench-storefront', channel: 'web', scope: 'inventory:read orders:place orders:read' })}`,
  };
  const customers = [];
  for (let i = 0; i < CUSTOMERS; i++)
    customers.push({
      id: `bench-${run.toLowerCase()}-c${i}`,
      headers: {
        authorization: `Bearer ${await mintToken({ sub: `bench-web-c${i}`, channel: 'web', customer_id: `bench-${run.toLowerCase()}-c${i}`, scope: 'orders:place orders:read' })}`,
      },
    });
  const url = (service, p) => `${stack.url(service)}${p}`;

  step(`seeding ${STORE}: ${SKUS} SKUs with stock and prices, a hot SKU, ${CUSTOMERS} customers`);
  const ok = async (r, what) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    return res;
  };
  await ok(
    request('PUT', url('inventory', `/locations/${STORE}`), {
      body: { name: STORE, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 30, pickupHoldDays: 3, transferDays: 2 },
      headers: admin,
    }),
    'location',
  );
  const all = [...Array.from({ length: SKUS }, (_, i) => sku(i)), HOT_SKU];
  await inParallel(all, 16, async (s) => {
    await ok(
      request('POST', url('inventory', `/locations/${STORE}/stock/${s}/adjustments`), { body: { reason: 'receipt', quantity: 1_000_000 }, headers: admin }),
      'stock',
    );
    await ok(request('PUT', url('order', `/price-list/${s}`), { body: { prices: [{ currency: 'EUR', unitPrice: 1000 }] }, headers: admin }), 'price');
  });

  const outcomes = await outcomeWatcher(stack.brokers);
  const lag = lagReader(stack.brokers, Object.keys(SERVICES));
  const kafkaRequests = kafkaRequestReader(Object.keys(SERVICES).map((service) => stack.url(service)));
  const placing = { url, customers, storefront, snapshot, outcomes, lag, kafkaRequests };

  if (!SKIP.has('atp'))
    results.availability = await availability({
      url,
      storefront,
      snapshot,
      callers: ATP_CALLERS,
      seconds: ATP_SECONDS,
      rate: ATP_RATE,
      checkOf: (i) => `/availability?skus=${sku(i * 7)}&stores=${STORE}`,
      step,
      log,
    });
  if (!SKIP.has('sweep')) {
    step(`warm-up: ${quick ? 20 : 100} orders/s for ${quick ? 2 : 5} s`);
    await placementStep({ rate: quick ? 20 : 100, seconds: quick ? 2 : 5, ...placing, skuOf: (i) => sku(i * 7919) });
    log(`  analyzed: ${(await analyzeDatabases(stack.pg.adminUrl, `bench_${run.toLowerCase()}`)).join(', ')}`);
    results.sweep = [];
    const watching = opt.statements ? await statementWatch(stack.pg.adminUrl, `bench_${run.toLowerCase()}`, log) : null;
    for (const rate of RATES) {
      if (stopping) break;
      step(`placement → reserved: ${rate} orders/s for ${SECONDS} s`);
      await watching?.reset();
      const r = await placementStep({ rate, seconds: SECONDS, ...placing, skuOf: (i) => sku(i * 7919 + rate) });
      if (watching) r.statements = await watching.read(Number(opt.statements));
      results.sweep.push(r);
      printStep(r, log);
      if (r.statements) printStatements(r.statements, r.confirmed, log);
      if (!r.sustained && r.rate > 0) break; // the next rate would only queue more
    }
    await watching?.close();
    const sustained = results.sweep.filter((r) => r.sustained);
    results.highestSustained = sustained.length ? Math.max(...sustained.map((r) => r.rate)) : 0;
    if (!SKIP.has('overload') && !stopping) {
      const rate = OVERLOAD_RATE ?? Math.max(2 * (results.highestSustained || RATES[0]), 10);
      step(`overload: ${rate} orders/s (${OVERLOAD_RATE ? '--overload-rate' : 'twice the highest sustained'}) for ${SECONDS} s`);
      results.overload = await placementStep({ rate, seconds: SECONDS, ...placing, skuOf: (i) => sku(i * 31 + 17) });
      printStep(results.overload, log);
    }
    if (!SKIP.has('hot') && !stopping) {
      step(`hot SKU: ${HOT_RATE} orders/s for ${SECONDS} s, every one for ${HOT_SKU}`);
      results.hotSku = await placementStep({ rate: HOT_RATE, seconds: SECONDS, ...placing, skuOf: () => HOT_SKU });
      printStep(results.hotSku, log);
    }
  }
  if (!SKIP.has('reservations') && !stopping)
    results.reservationPath = await reservationPath({
      count: RESERVATIONS,
      brokers: stack.brokers,
      contracts,
      skuOf: (i) => sku(i * 7919 + 3),
      store: STORE,
      snapshot,
      outcomes,
      lag,
      step,
      log,
    });
  // Last of the load steps: the broker's and PostgreSQL's processes change, and the CPU figures of
  // the steps before read them by pid.
  if (!SKIP.has('recovery') && !stopping) {
    const rate = RECOVERY_RATE ?? (results.highestSustained || RATES[0]);
    results.recovery = [];
    for (const fault of RECOVERY_FAULTS) {
      if (stopping) break;
      step(`recovery: ${rate} orders/s for ${RECOVERY_SECONDS} s; ${KILL_AFTER_S} s in, ${fault.what}`);
      const skuOf = (i) => sku(i * 7919 + RECOVERY_FAULTS.indexOf(fault) * 6 + 5);
      const r = await recovery({
        fault,
        rate,
        seconds: RECOVERY_SECONDS,
        killAfterS: KILL_AFTER_S,
        services: SERVICES,
        url,
        customers,
        storefront,
        snapshot,
        outcomes,
        lag,
        skuOf,
        placementStep,
      });
      if (r.skipped) log(`  skipped: ${r.skipped}`);
      else printRecovery(r, log);
      results.recovery.push(r);
    }
  }
  await outcomes.stop();
  await lag.stop();
  if (!SKIP.has('ceiling') && !stopping) {
    step("database ceiling: one order's minimum work with pgbench on the same server");
    results.ceiling = await databaseCeiling({ adminUrl: stack.pg.adminUrl, seconds: quick ? 2 : 10, log });
    if (!results.ceiling) log('  pgbench is not installed and cannot be installed here: no ceiling');
  }
  report(results, { faults: RECOVERY_FAULTS, services: SERVICES, overloadRate: OVERLOAD_RATE, json: opt.json });
} finally {
  await stack.stop();
  await stopRestartedPostgres().catch(() => undefined);
}

async function inParallel(items, concurrency, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function placementStep({ rate, seconds, url, customers, storefront, snapshot, outcomes, lag, kafkaRequests, skuOf }) {
  // Not read in a recovery step, where a service is down when it ends.
  const requestsBefore = kafkaRequests ? await kafkaRequests() : null;
  const watcherBefore = outcomes.requests();
  const before = snapshot();
  const memory = rssPeaks(stack.pids);
  const placed = new Map(); // orderId → due time
  const {
    results: rs,
    startedAt,
    lastDue,
  } = await openLoop({
    rate,
    seconds,
    send: async (i) => {
      // Half guests (a storefront token, the contact their only identity), half signed-in customers.
      const guest = i % 2 === 0;
      const who = guest ? { headers: storefront } : customers[i % customers.length];
      const body = {
        channel: 'web',
        storeId: STORE,
        currency: 'EUR',
        lines: [{ sku: skuOf(i), quantity: 1, unitPrice: 1000 }],
        ...(guest ? { contact: { email: `guest-${i}-${run.toLowerCase()}@example.com`, name: 'Bench Guest' } } : {}),
      };
      const prefer = PREFER_WAIT === null ? {} : { prefer: `wait=${PREFER_WAIT}` };
      const r = await request('POST', url('order', '/orders'), { body, headers: { ...who.headers, ...prefer, 'idempotency-key': randomUUID() } });
      if (r.status === 201 || r.status === 202) {
        const order = JSON.parse(r.text);
        r.orderId = order.id;
        r.decided = order.status !== 'PLACED';
      }
      return { status: r.status, orderId: r.orderId, decided: r.decided, retryAfter: r.headers['retry-after'] };
    },
  });
  for (const r of rs) if (r.orderId) placed.set(r.orderId, r.due);
  // Wait for every accepted order's outcome (bounded), then for the other consumers to catch up.
  const deadline = performance.now() + 60_000;
  const done = () => [...placed.keys()].every((id) => outcomes.seen.confirmed.has(id) || outcomes.seen.rejected.has(id));
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const settledAt = performance.now();
  const leftLag = await lag.quiet();
  const cpu = cpuBetween(before, snapshot());
  const peaks = memory();
  const requestsAfter = kafkaRequests ? await kafkaRequests() : null;
  const watcherRequests = outcomes.requests() - watcherBefore;
  const confirmed = [...placed].filter(([id]) => outcomes.seen.confirmed.has(id));
  const lastOutcome = Math.max(...confirmed.map(([id]) => outcomes.seen.confirmed.get(id)), lastDue);
  const accepted = rs.filter((r) => r.status === 201 || r.status === 202);
  const shed = rs.filter((r) => r.status === 429 || r.status === 503);
  const n = Math.max(1, confirmed.length);
  const system = SYSTEM.reduce((sum, name) => sum + (cpu[name] ?? 0), 0);
  const completion = latency(confirmed.map(([id, due]) => outcomes.seen.confirmed.get(id) - due));
  const out = {
    rate,
    seconds,
    requests: rs.length,
    statuses: countBy(rs, (r) => r.status ?? r.error),
    accepted: accepted.length,
    shed: shed.length,
    confirmed: confirmed.length,
    rejected: [...placed.keys()].filter((id) => outcomes.seen.rejected.has(id)).length,
    unsettled: [...placed.keys()].filter((id) => !outcomes.seen.confirmed.has(id) && !outcomes.seen.rejected.has(id)).length,
    confirmedPerSecond: confirmed.length / ((lastOutcome - startedAt) / 1000),
    httpLatency: latency(accepted.map((r) => r.answered - r.due)),
    preferWait: PREFER_WAIT,
    answeredDecided: accepted.filter((r) => r.decided).length,
    completionLatency: completion,
    settleMs: settledAt - lastDue,
    lagLeft: leftLag,
    cpuMsPerOrder: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / n])),
    systemCpuMsPerOrder: system / n,
    totalCpuMsPerOrder: (system + (cpu['bench client'] ?? 0)) / n,
    kafkaRequestsPerOrder: requestsAfter ? requestsPerOrder(requestsBefore, requestsAfter, n) : null,
    watcherKafkaRequestsPerOrder: watcherRequests / n,
    // The highest reading of the step, and the file-backed part of it (the node binary's pages).
    rssMiB: Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v.rss)])),
    rssFileMiB: Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v.file)])),
  };
  out.sustained = accepted.length >= 0.995 * rs.length && confirmed.length >= 0.995 * accepted.length && completion.p99 < 1000;
  return out;
}
