// Benchmark of the click & collect hot paths on this machine, with every service, Kafka and
// PostgreSQL running locally. Prints figures; asserts nothing. Loopback traffic only, bounded.
//   node scripts/bench.mjs [--rate 100] [--seconds 15] [--atp 20000] [--reservations 5000] [--services order,inventory]
// --services runs only some services (order and inventory are needed), to see what the others'
// consumers cost on the same cores. SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles them.
import { randomUUID } from 'node:crypto';
import kafkajs from './lib/kafkajs.mjs';
import path from 'node:path';
import { build, ensureKafka, ensureNpmPackages, REPO, step } from './lib/setup.mjs';
import { call, startLocalStack } from './lib/stack.mjs';
import { mintToken } from './tools/mint-token.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RATE = arg('rate', 100);
const SECONDS = arg('seconds', 15);
const ATP_CALLS = arg('atp', 20000);
const RESERVATIONS = arg('reservations', 5000);
const ALL_SERVICES = { order: 3101, inventory: 3102, returns: 3103, customer: 3104 };
const only = process.argv.includes('--services') ? process.argv[process.argv.indexOf('--services') + 1].split(',') : Object.keys(ALL_SERVICES);
const SERVICES = Object.fromEntries(Object.entries(ALL_SERVICES).filter(([name]) => only.includes(name)));
if (!SERVICES.order || !SERVICES.inventory) throw new Error('--services must include order and inventory');
const SKUS = 200;
const STORE = `BENCH-${Date.now().toString(36).toUpperCase()}`;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms, p95 ${pct(s, 95).toFixed(1)} ms, p99 ${pct(s, 99).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms`;
}
async function pool(total, concurrency, task) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await task(next++);
  }));
}

ensureNpmPackages();
await ensureKafka();
build();
const stack = await startLocalStack({
  services: SERVICES,
  kafkaPort: 19292,
  databasePrefix: `bench_${Date.now().toString(36)}`,
  env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
  logDir: path.join(REPO, '.cache/bench-logs'),
  dropDatabasesOnStop: true,
});
try {
  const admin = { token: await mintToken({ sub: 'bench', scope: 'admin' }) };
  const inv = stack.url('inventory');
  const ord = stack.url('order');
  const sku = (i) => `BENCH-SKU-${i % SKUS}`;

  step(`seeding ${STORE} with ${SKUS} SKUs`);
  await call('PUT', `${inv}/locations/${STORE}`, { name: STORE, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 30, pickupHoldDays: 3, transferDays: 2 }, admin);
  await pool(SKUS, 8, (i) => call('POST', `${inv}/locations/${STORE}/stock/${sku(i)}/adjustments`, { reason: 'receipt', quantity: 1_000_000 }, admin));

  step(`availability: ${ATP_CALLS} checks, 32 concurrent callers`);
  const atp = [];
  let t0 = performance.now();
  await pool(ATP_CALLS, 32, async (i) => {
    const t = performance.now();
    const r = await call('GET', `${inv}/availability?skus=${sku(i * 7)}&stores=${STORE}`, undefined, admin);
    if (r.status !== 200) throw new Error(`availability answered ${r.status}`);
    atp.push(performance.now() - t);
  });
  console.log(`  ${(ATP_CALLS / ((performance.now() - t0) / 1000)).toFixed(0)} checks/s; ${summary(atp)}`);

  const kafka = new kafkajs.Kafka({ clientId: 'bench', brokers: [stack.brokers], logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  const seen = new Map(); // orderId → time an answer about it arrived
  await consumer.connect();
  await consumer.subscribe({ topics: ['order.events.v1', 'inventory.events.v1'], fromBeginning: false });
  let joined;
  const hasJoined = new Promise((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const type = message.headers?.ce_type?.toString();
      if (type === 'order.confirmed.v1' || type === 'inventory.reserved.v1') seen.set(`${type}:${message.key}`, performance.now());
    },
  });
  await hasJoined;

  step(`placement → reserved: ${RATE} orders/s for ${SECONDS} s over HTTP, measured to order.confirmed on Kafka`);
  const sent = new Map();
  const total = RATE * SECONDS;
  t0 = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      call('POST', `${ord}/orders`, { channel: 'web', storeId: STORE, currency: 'EUR', lines: [{ sku: sku(i * 13), quantity: 1, unitPrice: 1000 }] }, admin).then((r) => {
        if (r.status !== 201) throw new Error(`POST /orders answered ${r.status}`);
        sent.set(r.body.id, due);
      }),
    );
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 60_000;
  while ([...sent.keys()].some((id) => !seen.has(`order.confirmed.v1:${id}`)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const latencies = [...sent].filter(([id]) => seen.has(`order.confirmed.v1:${id}`)).map(([id, at]) => seen.get(`order.confirmed.v1:${id}`) - at);
  console.log(`  ${latencies.length}/${total} reserved; achieved ${(total / ((performance.now() - t0) / 1000)).toFixed(0)} orders/s offered; ${summary(latencies)}`);

  step(`reservation path alone: ${RESERVATIONS} order.placed events straight onto Kafka, random SKUs`);
  const producer = kafka.producer();
  await producer.connect();
  const ids = Array.from({ length: RESERVATIONS }, () => randomUUID());
  const messages = ids.map((orderId, i) => ({
    key: orderId,
    value: JSON.stringify({ orderId, channel: 'web', storeId: STORE, customerId: null, currency: 'EUR', lines: [{ lineId: randomUUID(), sku: sku(Math.floor(Math.random() * SKUS) + i), quantity: 1, unitPrice: 1000 }], placedAt: new Date().toISOString() }),
    headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_type: 'order.placed.v1', ce_source: '/bench', ce_time: new Date().toISOString(), ce_subject: orderId, 'content-type': 'application/json', ce_correlationid: randomUUID() },
  }));
  t0 = performance.now();
  for (let i = 0; i < messages.length; i += 500) await producer.send({ topic: 'order.events.v1', messages: messages.slice(i, i + 500) });
  const until = performance.now() + 120_000;
  while (ids.some((id) => !seen.has(`inventory.reserved.v1:${id}`)) && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
  const done = ids.filter((id) => seen.has(`inventory.reserved.v1:${id}`)).length;
  const last = Math.max(...ids.map((id) => seen.get(`inventory.reserved.v1:${id}`) ?? 0));
  console.log(`  ${done}/${RESERVATIONS} reserved in ${((last - t0) / 1000).toFixed(1)} s: ${(done / ((last - t0) / 1000)).toFixed(0)} reservations/s end to end (consume, reserve, outbox, relay, publish)`);
  await producer.disconnect();
  await consumer.disconnect();
} finally {
  await stack.stop();
}
