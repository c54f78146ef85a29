// Where the CPU of a path goes, per process of the machine (Linux /proc). Asserts nothing.
//   node scripts/bench-cpu.mjs [--events 2000] [--warm-up 1000] [--services inventory] [--path reservation|placement] [--callers 8]
// reservation: puts order.placed events straight onto Kafka for a store with plenty of stock and
//   waits for every inventory.reserved.
// placement: places orders through POST /orders (--callers at a time; --services must include
//   order) and waits for every order.confirmed: HTTP edge, outbox, every consumer of order.placed.
// A warm-up batch runs first (JIT, connection pools); only the second batch is measured. The
// services' settings come from the environment, e.g. CONSUMER_BATCH_SIZE=1 to compare.
// With the order service among --services, it dead-letters every reservation (it never saw
// these orders): that is part of what is measured then.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import kafkajs from './lib/kafkajs.mjs';
import { build, ensureKafka, ensureNpmPackages, REPO, step } from './lib/setup.mjs';
import { call, startLocalStack } from './lib/stack.mjs';
import { mintToken } from './tools/mint-token.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const EVENTS = Number(arg('events', 2000));
const WARM_UP = Number(arg('warm-up', 1000));
const PORTS = { order: 3201, inventory: 3202, returns: 3203, customer: 3204 };
const SERVICES = arg('services', 'inventory').split(',');
const PATH = arg('path', 'reservation');
const CALLERS = Number(arg('callers', 8));
if (!SERVICES.includes('inventory')) throw new Error('--services must include inventory');
if (!['reservation', 'placement'].includes(PATH)) throw new Error('--path is reservation or placement');
if (PATH === 'placement' && !SERVICES.includes('order')) throw new Error('--path placement needs the order service in --services');
const SKUS = 200;
const STORE = `CPU-${Date.now().toString(36).toUpperCase()}`;

/** CPU time (user + system, ms) per kind of process on the machine. */
function cpuByProcess() {
  const out = {};
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
      const name = cmd.includes('kafka.Kafka') ? 'kafka' : cmd.includes('postgres') ? 'postgres' : /dist\/apps\/(\w+)/.exec(cmd)?.[1] ?? (Number(pid) === process.pid ? 'benchmark client' : 'other');
      out[name] = (out[name] ?? 0) + ms;
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

ensureNpmPackages();
await ensureKafka();
build();
const stack = await startLocalStack({
  services: Object.fromEntries(SERVICES.map((s) => [s, PORTS[s]])),
  kafkaPort: 19392,
  databasePrefix: `benchcpu_${Date.now().toString(36)}`,
  env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
  logDir: path.join(REPO, '.cache/bench-cpu-logs'),
  dropDatabasesOnStop: true,
});
try {
  const admin = { token: await mintToken({ sub: 'bench', scope: 'admin' }) };
  const inv = stack.url('inventory');
  step(`seeding ${STORE} with ${SKUS} SKUs`);
  await call('PUT', `${inv}/locations/${STORE}`, { name: STORE, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 30, pickupHoldDays: 3, transferDays: 2 }, admin);
  for (let i = 0; i < SKUS; i++) await call('POST', `${inv}/locations/${STORE}/stock/SKU-${i}/adjustments`, { reason: 'receipt', quantity: 1_000_000 }, admin);

  const kafka = new kafkajs.Kafka({ clientId: 'bench-cpu', brokers: [stack.brokers], logLevel: kafkajs.logLevel.NOTHING });
  const reserved = new Set();
  const [doneTopic, doneType] = PATH === 'placement' ? ['order.events.v1', 'order.confirmed.v1'] : ['inventory.events.v1', 'inventory.reserved.v1'];
  const consumer = kafka.consumer({ groupId: `bench-cpu-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [doneTopic], fromBeginning: false });
  let joined;
  const hasJoined = new Promise((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({ eachMessage: async ({ message }) => void (message.headers?.ce_type?.toString() === doneType && reserved.add(message.key.toString())) });
  await hasJoined;
  const producer = kafka.producer();
  await producer.connect();

  const orderPlaced = (orderId, i) => ({
    key: orderId,
    value: JSON.stringify({ orderId, channel: 'web', storeId: STORE, customerId: null, currency: 'EUR', lines: [{ lineId: randomUUID(), sku: `SKU-${i % SKUS}`, quantity: 1, unitPrice: 1000 }], placedAt: new Date().toISOString() }),
    headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_type: 'order.placed.v1', ce_source: '/bench-cpu', ce_time: new Date().toISOString(), ce_subject: orderId, 'content-type': 'application/json', ce_correlationid: randomUUID() },
  });
  async function place(n) {
    const ids = [];
    let next = 0;
    const ord = stack.url('order');
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (next < n) {
          const i = next++;
          const r = await call('POST', `${ord}/orders`, { channel: 'web', storeId: STORE, currency: 'EUR', lines: [{ sku: `SKU-${i % SKUS}`, quantity: 1, unitPrice: 1000 }] }, admin);
          if (r.status !== 201) throw new Error(`POST /orders answered ${r.status}`);
          ids.push(r.body.id);
        }
      }),
    );
    return ids;
  }
  async function reserve(n) {
    let ids;
    if (PATH === 'placement') ids = await place(n);
    else {
      ids = Array.from({ length: n }, () => randomUUID());
      const messages = ids.map(orderPlaced);
      for (let i = 0; i < messages.length; i += 500) await producer.send({ topic: 'order.events.v1', messages: messages.slice(i, i + 500) });
    }
    const deadline = performance.now() + 300_000;
    while (ids.some((id) => !reserved.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return ids.filter((id) => reserved.has(id)).length;
  }

  if (WARM_UP > 0) {
    step(`warm-up: ${WARM_UP} ${PATH === 'placement' ? 'placements' : 'reservations'}`);
    await reserve(WARM_UP);
  }
  step(`measured: ${EVENTS} ${PATH === 'placement' ? `placements, ${CALLERS} callers` : 'reservations'}`);
  const before = cpuByProcess();
  const t0 = performance.now();
  const done = await reserve(EVENTS);
  const seconds = (performance.now() - t0) / 1000;
  const after = cpuByProcess();
  console.log(`  ${done}/${EVENTS} ${PATH === 'placement' ? 'placed and confirmed' : 'reserved'} in ${seconds.toFixed(1)} s: ${(done / seconds).toFixed(0)}/s`);
  for (const [name, ms] of Object.entries(after).sort((a, b) => b[1] - a[1])) {
    const spent = ms - (before[name] ?? 0);
    if (spent > 50) console.log(`  ${name.padEnd(17)} ${String(spent).padStart(6)} ms CPU, ${((spent / EVENTS) * 1000).toFixed(0).padStart(5)} µs per ${PATH === 'placement' ? 'order' : 'event'}`);
  }
  await producer.disconnect();
  await consumer.disconnect();
} finally {
  await stack.stop();
}
