// `npm run chaos`: journeys under injected faults, then invariants. The four services, Kafka and
// PostgreSQL run on this machine (loopback only) in their shipped configuration; a steady rate of
// journeys — click & collect (placed, picked, collected with the code the customer was sent),
// cancellations, retried placements, home deliveries shipped from the store and delivered,
// collected orders returned at the store and refunded, collected orders exchanged at the store for
// another SKU, preorders supplied, released and collected, click & collect shipped to the store from
// a warehouse by transfer, and carts begun on the web, handed to the store's POS by code and
// checked out there — runs while processes are killed, paused and restarted, a stand-in payment
// system refuses one capture or refund in six at first (a payments desk sends them again),
// poison is written to every consumed topic, a service's offsets are rewound to replay every
// event, and the whole stack's clock jumps days ahead (past the reminders and deadlines of pickups
// waiting at two deadline stores), on a schedule drawn from --seed. Then the load stops,
// the system is left to settle, and what must hold is checked: no order lost or doubled, every
// order settled, stock conserved and never oversold, every poison message parked with its reason
// and nothing else dead-lettered, every capture and refund settled once, every outbox empty, every
// pickup a clock jump made due reminded or expired exactly once. A fixed seed gives the same
// journeys and the same faults at the same times; each round of as many faults as there are kinds
// injects every kind once. Exit code 1 when an invariant fails.
//
//   npm run chaos [-- --seed 7] [--seconds 60 | --journeys 1000] [--rate 4] [--stock 30] [--faults kill,term,pause,broker-kill,broker-pause,db-restart,poison,replay,rebalance,clock-jump] [--json out.json] [--dry-run]
//
// --dry-run prints the plan the seed gives (journeys and faults) as JSON and starts nothing.
import { parseArgs } from 'node:util';
import { drawPlan, SKUS, WAREHOUSE_SKUS } from './chaos/plan.mjs';
import { runOnNode24 } from './lib/node-runtime.mjs';
import { build, ensureKafka, ensureNpmPackages, REPO, step } from './lib/setup.mjs';

await runOnNode24();

const { values: opt } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '4' },
    /** How many journeys to run instead of --seconds: the run lasts journeys / rate seconds. */
    journeys: { type: 'string' },
    /** Units received per SKU; by default about 70 % of what the run's journeys ask for, so most are served and the last are refused. */
    stock: { type: 'string' },
    faults: { type: 'string', default: 'kill,term,pause,broker-kill,broker-pause,db-restart,poison,replay,rebalance,clock-jump' },
    json: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const plan = drawPlan(opt);
if (opt['dry-run']) {
  // Written out whole before exiting: a long plan is more than a pipe takes at once.
  await new Promise((resolve) =>
    process.stdout.write(
      `${JSON.stringify({ seed: plan.seed, stockPerSku: plan.stockPerSku, warehouseStockPerSku: plan.stockPerWarehouseSku, journeys: plan.journeys, faults: plan.faults }, null, 2)}\n`,
      resolve,
    ),
  );
  process.exit(0);
}

ensureNpmPackages();
await ensureKafka();
build();

// Imported only now: the plan above is printed before any npm package is installed or loaded.
const path = await import('node:path');
const fs = await import('node:fs');
const { Kafka, logLevel } = await import('./lib/kafkajs.mjs');
const { startLocalStack } = await import('./lib/stack.mjs');
const { mintToken } = await import('./tools/mint-token.mjs');
const { startPaymentsDesk, startPaymentSystem } = await import('./chaos/payment-system.mjs');
const { KAFKA_PORT, log, runNames, SERVICES, serviceClock, sleep, STORE_HOLD_DAYS } = await import('./chaos/run-context.mjs');
const { httpClient } = await import('./chaos/http-client.mjs');
const { journey, pickupCodes } = await import('./chaos/journeys.mjs');
const { CONSUMED_TOPICS, inject, topicEnds } = await import('./chaos/faults.mjs');
const { deadlinePickups } = await import('./chaos/deadline-pickups.mjs');
const { allReady, waitLag, waitOutboxes, waitPaymentsSettled } = await import('./chaos/quiescence.mjs');
const { deadLetterEnds } = await import('./chaos/dead-letters.mjs');
const { checkInvariants } = await import('./chaos/invariants.mjs');
const { printTable } = await import('./chaos/report.mjs');

/** One capture or refund in this many is refused by the payment system at its first attempt. */
const REFUSE_PAYMENT_EVERY = 6;
const names = runNames(plan.seed);
const { run, storeId, warehouseId, sku, warehouseSku } = names;

const stack = await startLocalStack({
  services: SERVICES,
  kafkaPort: KAFKA_PORT,
  databasePrefix: `chaos_${run.toLowerCase().replace(/-/g, '_')}`,
  logDir: path.join(REPO, '.cache/chaos-logs'),
  dropDatabasesOnStop: true,
});
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (interrupted = true) && stack.stop().then(() => process.exit(130)));

const admin = { authorization: `Bearer ${await mintToken({ sub: 'chaos-admin', scope: 'admin' })}` };
/** A carrier integration: it may only report delivery outcomes. */
const carrier = { authorization: `Bearer ${await mintToken({ sub: 'carrier:chaos-carrier', scope: 'deliveries:report' })}` };
/** What the modules of the run share: its names, its stack, the services' clock, the calls that outlive faults. */
const ctx = { ...names, stack, clock: serviceClock(), carrier, ...httpClient({ stack, headers: admin }) };
const { call, stats } = ctx;

/** What the faults leave behind: the keys of the poison written, and the PostgreSQL server a db-restart started (stopped after the stack). */
const injected = { poisonKeys: new Set(), restartedPostgres: null };
const report = { seed: plan.seed, seconds: plan.seconds, rate: plan.rate, faults: [], journeys: [], invariants: [] };
let failed = false;
try {
  step(
    `seeding ${storeId}: ${SKUS} SKUs, ${plan.stockPerSku} units each, and its warehouse: ${WAREHOUSE_SKUS} SKUs, ${plan.stockPerWarehouseSku} units each (about 70 % of what the journeys ask for: the last are refused)`,
  );
  const ok = (r, what) => {
    if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  };
  ok(
    await call('PUT', 'inventory', `/locations/${storeId}`, {
      name: storeId,
      kind: 'store',
      timeZone: 'Europe/Paris',
      offersPickup: true,
      pickTimeMinutes: 30,
      pickupHoldDays: STORE_HOLD_DAYS,
      transferDays: 2,
    }),
    'location',
  );
  ok(
    await call('PUT', 'inventory', `/locations/${warehouseId}`, {
      name: warehouseId,
      kind: 'warehouse',
      timeZone: 'Europe/Paris',
      offersPickup: false,
      pickTimeMinutes: 30,
      pickupHoldDays: 3,
      transferDays: 1,
    }),
    'warehouse',
  );
  for (let w = 0; w < WAREHOUSE_SKUS; w++) {
    ok(
      await call('POST', 'inventory', `/locations/${warehouseId}/stock/${warehouseSku(w)}/adjustments`, {
        reason: 'receipt',
        quantity: plan.stockPerWarehouseSku,
      }),
      'warehouse stock',
    );
    ok(await call('PUT', 'order', `/price-list/${warehouseSku(w)}`, { prices: [{ currency: 'EUR', unitPrice: 1000 }] }), 'price');
  }
  for (let s = 0; s < SKUS; s++) {
    ok(await call('POST', 'inventory', `/locations/${storeId}/stock/${sku(s)}/adjustments`, { reason: 'receipt', quantity: plan.stockPerSku }), 'stock');
    ok(await call('PUT', 'order', `/price-list/${sku(s)}`, { prices: [{ currency: 'EUR', unitPrice: 1000 }] }), 'price');
  }
  const codes = await pickupCodes(ctx);
  const deadlines = plan.faultKinds.includes('clock-jump') ? await deadlinePickups(ctx, ok) : null;
  const payments = await startPaymentSystem({ Kafka, logLevel, brokers: stack.brokers, run, refuseEvery: REFUSE_PAYMENT_EVERY });
  const desk = startPaymentsDesk({ call });
  const deadLettersBefore = await deadLetterEnds(ctx);
  const topicsAtStart = await topicEnds(ctx, CONSUMED_TOPICS);

  step(
    `load: ${plan.total} journeys over ${plan.seconds} s (seed ${plan.seed}); faults at ${plan.faults.map((f) => `${Math.round(f.atMs / 1000)} s ${f.kind} ${f.target}`).join(', ') || 'none'}`,
  );
  const t0 = Date.now();
  const journeys = [];
  const faults = (async () => {
    for (const f of plan.faults) {
      await sleep(Math.max(0, t0 + f.atMs - Date.now()));
      if (interrupted) return;
      const r = await inject(ctx, f, { t0, topicsAtStart, injected });
      log(
        `  ${String(r.atS).padStart(5)} s  ${r.kind} ${r.target}: ${r.skipped ? `skipped (${r.skipped})` : `lasted ${r.lastedMs} ms, ready again ${r.recoveredMs === null ? 'NEVER' : `${r.recoveredMs} ms`} after`}${r.redelivered === undefined ? '' : `; ${r.redelivered} events delivered again and skipped`}`,
      );
      report.faults.push(r);
    }
  })();
  for (let i = 0; i < plan.total && !interrupted; i++) {
    await sleep(Math.max(0, t0 + (i * 1000) / plan.rate - Date.now()));
    journeys.push(journey(ctx, i, plan.journeys[i], codes.codes));
  }
  const done = await Promise.all(journeys);
  await faults;
  report.journeys = done.map((j) => ({ ...j, orderIds: [...j.orderIds] }));

  step('quiescence: every service ready, every outbox empty, every consumer caught up');
  await allReady(ctx, Date.now() + 120_000);
  const outboxEmpty = await waitOutboxes(ctx, Date.now() + 60_000);
  // Published is not yet applied: every consumer must have read up to the end of its topics too.
  const caughtUp = await waitLag(ctx, Date.now() + 60_000);
  await codes.stop();
  // Every capture and refund answered; those refused, sent again by the desk and answered.
  const settled = await waitPaymentsSettled(ctx, done, Date.now() + 90_000);
  await desk.stop();
  await payments.stop();
  // Both stopped: what the payment system did and what the desk sent again are final.
  const paid = payments.stats();
  report.payments = { requests: paid.requests, refused: paid.refused, sentAgain: desk.sentAgain.size };

  step('invariants');
  const check = (name, holds, detail = '') => {
    report.invariants.push({ name, holds, detail });
    if (!holds) failed = true;
    log(`  ${holds ? 'holds ' : 'BROKEN'}  ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const stock = { perSku: plan.stockPerSku, perWarehouseSku: plan.stockPerWarehouseSku };
  const evidence = {
    done,
    stock,
    settled,
    paid,
    sentAgain: desk.sentAgain.size,
    deadLettersBefore,
    poisonKeys: injected.poisonKeys,
    deadlines,
    outboxEmpty,
    caughtUp,
  };
  await checkInvariants(ctx, evidence, check);

  printTable(report, stats, done);
} finally {
  await stack.stop();
  await injected.restartedPostgres?.stop();
}
report.retries = stats.retries;
report.answersLost = stats.answersLost;
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
