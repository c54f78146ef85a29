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
const SEED = Number(opt.seed);
const RATE = Number(opt.rate);
const SECONDS = opt.journeys === undefined ? Number(opt.seconds) : Math.ceil(Number(opt.journeys) / RATE);
const SKUS = 12;
/** SKUs only the warehouse holds: a click & collect of one is shipped to the store by transfer. */
const WAREHOUSE_SKUS = 4;
/** Share of the journeys per kind, in the order they are drawn. */
const KINDS = [['collected', 0.16], ['cancelled', 0.12], ['retried', 0.12], ['delivered', 0.14], ['returned', 0.12], ['exchanged', 0.08], ['preordered', 0.06], ['shipped-to-store', 0.1], ['cart', 0.1]];
const SERVICE_NAMES = ['order', 'inventory', 'returns', 'customer'];
const FAULT_KINDS = opt.faults.split(',').filter(Boolean);
const KNOWN_FAULTS = ['kill', 'term', 'pause', 'broker-kill', 'broker-pause', 'db-restart', 'poison', 'replay', 'rebalance', 'clock-jump'];
for (const f of FAULT_KINDS) if (!KNOWN_FAULTS.includes(f)) throw new Error(`--faults: unknown fault ${f} (known: ${KNOWN_FAULTS.join(', ')})`);

/** mulberry32: a small seeded generator, so a seed replays the same journeys and faults. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(SEED);
const pick = (items) => items[Math.floor(random() * items.length)];

// Everything the seed decides is drawn here, before anything runs, so timing cannot change it.
const total = opt.journeys === undefined ? Math.round(RATE * SECONDS) : Number(opt.journeys);
// A journey asks for 1.5 units on average, spread over the SKUs; cancellations give some back.
const shareOf = (kind) => KINDS.find(([k]) => k === kind)[1];
const stockFor = (journeys, skus) => (opt.stock === undefined ? Math.max(8, Math.round(((journeys * 1.5) / skus) * 0.7)) : Number(opt.stock));
// Preorders bring their own units (each its own product, supplied during the journey).
const STOCK_PER_SKU = stockFor(total * (1 - shareOf('shipped-to-store') - shareOf('preordered')), SKUS);
const STOCK_PER_WAREHOUSE_SKU = stockFor(total * shareOf('shipped-to-store'), WAREHOUSE_SKUS);
const plan = Array.from({ length: total }, () => {
  let draw = random();
  const [kind] = KINDS.find(([, share]) => (draw -= share) < 0) ?? KINDS[0];
  return { kind, line: { skuIndex: Math.floor(random() * SKUS), quantity: 1 + Math.floor(random() * 2), unitPrice: 1000 } };
});
const count = FAULT_KINDS.length === 0 ? 0 : Math.max(1, Math.floor(SECONDS / 15));
/** The kinds in an order drawn from the seed (Fisher–Yates). */
const shuffled = (items) => {
  const a = [...items];
  for (let k = a.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [a[k], a[r]] = [a[r], a[k]];
  }
  return a;
};
// Rounds of every kind once: a run with at least as many faults as kinds injects each of them.
const kinds = [];
while (kinds.length < count) kinds.push(...shuffled(FAULT_KINDS));
const TARGETS = { 'broker-kill': 'kafka', 'broker-pause': 'kafka', 'db-restart': 'postgres', poison: 'every consumed topic', 'clock-jump': 'every service' };
const schedule = Array.from({ length: count }, (_, k) => {
  const kind = kinds[k];
  const target = TARGETS[kind] ?? pick(SERVICE_NAMES);
  return { atMs: ((k + 1) * SECONDS * 1000) / (count + 1), kind, target, pauseMs: 3000 + Math.floor(random() * 5000) };
});
if (opt['dry-run']) {
  // Written out whole before exiting: a long plan is more than a pipe takes at once.
  await new Promise((resolve) => process.stdout.write(`${JSON.stringify({ seed: SEED, stockPerSku: STOCK_PER_SKU, warehouseStockPerSku: STOCK_PER_WAREHOUSE_SKU, journeys: plan, faults: schedule }, null, 2)}\n`, resolve));
  process.exit(0);
}

ensureNpmPackages();
await ensureKafka();
build();

const path = await import('node:path');
const fs = await import('node:fs');
const { randomUUID } = await import('node:crypto');
const { Kafka, logLevel } = await import('./lib/kafkajs.mjs');
const { startLocalStack } = await import('./lib/stack.mjs');
const { isAlive, startKafka } = await import('./infra/kafka.mjs');
const { ensurePostgres, serverProcessOf } = await import('./infra/postgres.mjs');
const { mintToken } = await import('./tools/mint-token.mjs');
const { request } = await import('./bench/client.mjs');
const { startPaymentsDesk, startPaymentSystem } = await import('./chaos/payment-system.mjs');

const SERVICES = { order: 3201, inventory: 3202, returns: 3203, customer: 3204 };
const KAFKA_PORT = 19392;
const run = `${SEED}-${Date.now().toString(36)}`.toUpperCase();
const STORE = `CHAOS-${run}`;
const WAREHOUSE = `CHAOS-${run}-WH`;
const sku = (i) => `CHAOS-${run}-SKU-${i}`;
const warehouseSku = (i) => `CHAOS-${run}-WHSKU-${i}`;
/** A preorder journey's own product: released a few seconds after it is placed. */
const preorderSku = (i) => `CHAOS-${run}-PRE-${i}`;
/** How long after a preorder is placed its product is released: its units arrive before that. */
const RELEASE_AFTER_MS = 30_000;
/** One shipped-to-store journey in this many has its transfer lost on the road. */
const LOST_TRANSFER_EVERY = 5;
/**
 * How long a journey waits, all its steps together, before it counts as failed. A replay stops a
 * service for about half a minute (until its group has let its partitions go), and a journey can
 * live through several faults: seed 4 once had a preorder wait 97 s for its supply to be allocated,
 * across a PostgreSQL restart and the order service stopped by a replay.
 */
const JOURNEY_PATIENCE_MS = 180_000;
/** One capture or refund in this many is refused by the payment system at its first attempt. */
const REFUSE_PAYMENT_EVERY = 6;
const DAY_MS = 86_400_000;
/** How far a clock jump moves every service's clock forward (each jump adds to the ones before). */
const CLOCK_JUMP_MS = 3 * DAY_MS;
/** Days the run's store holds a ready pickup: the journeys' deadlines, which clock jumps stop short of. */
const STORE_HOLD_DAYS = 60;
/**
 * Deadline stores: pickups made ready there before the load wait for a clock jump. At the first
 * store (2 days' hold) one jump passes their deadlines: each must expire once. At the second (4
 * days) it lands inside their reminder window (the last day): each must be reminded once, and a
 * second jump expires them once.
 */
const DEADLINE_STORES = [
  { suffix: 'DL2', holdDays: 2 },
  { suffix: 'DL4', holdDays: 4 },
];
const ORDERS_PER_DEADLINE_STORE = 3;
/** How far the services' clocks are ahead of this one, and when each jump was made. */
let clockOffsetMs = 0;
const clockJumps = [];
/** What the services take to be now. */
const serviceNow = () => Date.now() + clockOffsetMs;
const log = (m) => console.log(m);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


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
const url = (service, p) => `${stack.url(service)}${p}`;
const kafkaPidFile = path.join(REPO, '.cache/kafka-data', String(KAFKA_PORT), 'kafka.pid');

/**
 * A call that outlives faults: network errors, 5xx and 429/503 are retried with the same
 * Idempotency-Key (a mutating call is applied once however often it is sent) until `deadline`.
 */
async function call(method, service, p, body, { key = method === 'GET' ? undefined : randomUUID(), deadline = Date.now() + 60_000, headers = admin } = {}) {
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await request(method, url(service, p), { body, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } });
    } catch (e) {
      res = { status: 0, text: e.message };
    }
    const transient = res.status === 0 || res.status >= 500 || res.status === 429 || res.status === 409 && /IDEMPOTENCY.IN_PROGRESS/.test(res.text);
    if (!transient || Date.now() > deadline) return { status: res.status, body: res.text ? safeJson(res.text) : null, attempts: attempt };
    stats.retries++;
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
  }
}
const safeJson = (t) => {
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
};
const stats = { retries: 0, answersLost: 0 };

/**
 * A change the service applied: answered 2xx, or 409 IDEMPOTENCY.ANSWER_LOST — applied, its answer
 * lost when a fault cut the service off after its commit; a client then reads the state (docs/api-edge.md).
 */
function applied(res) {
  if (res.status === 409 && res.body?.code === 'IDEMPOTENCY.ANSWER_LOST') {
    stats.answersLost++;
    return true;
  }
  return res.status < 300;
}
/**
 * Creates something (an order, incoming supply): a creation applied and its answer lost in a fault
 * (409 IDEMPOTENCY.ANSWER_LOST) names what it made (`location`), and is read there, as a client
 * that lost the answer would.
 */
async function create(as, service, p, body, key, deadline) {
  const made = await as('POST', service, p, body, { key, deadline });
  if (made.status !== 409 || made.body?.code !== 'IDEMPOTENCY.ANSWER_LOST' || !made.body.location) return made;
  stats.answersLost++;
  const read = await as('GET', service, made.body.location, undefined, { deadline });
  return read.status === 200 ? { status: 201, body: read.body } : made;
}
const place = (as, body, key, deadline) => create(as, 'order', '/orders', body, key, deadline);
const answered = (what, res) => `${what} answered ${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;

/** The pickup codes the customers were sent, read from the notification requests on Kafka. */
async function pickupCodes() {
  const kafka = new Kafka({ clientId: 'chaos-codes', brokers: [stack.brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `chaos-codes-${run}`, maxWaitTimeInMs: 100, retry: { retries: 30 } });
  const codes = new Map();
  await consumer.connect();
  await consumer.subscribe({ topics: ['notification.requests.v1'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const n = safeJson(message.value?.toString() ?? '{}');
      const data = n?.data ?? n;
      if (data?.template === 'pickup-ready' && data.pickupCode) codes.set(data.orderId ?? message.key?.toString(), data.pickupCode);
    },
  });
  return { codes, stop: () => consumer.disconnect().catch(() => undefined) };
}

async function waitStatus(as, orderId, wanted, deadline) {
  for (;;) {
    const r = await as('GET', 'order', `/orders/${orderId}`, undefined, { deadline });
    if (r.status === 200 && wanted.includes(r.body.status)) return r.body;
    if (Date.now() > deadline) return r.status === 200 ? r.body : null;
    await sleep(250);
  }
}

const FINAL = ['COLLECTED', 'DELIVERED', 'CANCELLED', 'REJECTED'];
/** Statuses in which an order holds its units at the store. */
const HOLDING = ['RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'PACKED'];
const ADDRESS = { name: 'Chaos Guest', line1: '1 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR' };

/** One journey, drawn from the seed: what it did and how it ended. */
async function journey(i, { kind, line: planned }, codes) {
  const deadline = Date.now() + JOURNEY_PATIENCE_MS;
  // Each journey is its own caller (a customer, the associates serving them), as in a store: the
  // rate limit is per caller, and one token for every journey would throttle them all together.
  const own = { authorization: `Bearer ${await mintToken({ sub: `chaos-journey-${run}-${i}`, scope: 'admin' })}` };
  const as = (method, service, p, body, opts = {}) => call(method, service, p, body, { headers: own, ...opts });
  const line = { sku: kind === 'shipped-to-store' ? warehouseSku(planned.skuIndex % WAREHOUSE_SKUS) : sku(planned.skuIndex), quantity: planned.quantity, unitPrice: planned.unitPrice };
  const key = randomUUID();
  const contact = { email: `chaos-${i}-${run.toLowerCase()}@example.com`, name: 'Chaos Guest' };
  // A home delivery ships from the store (the only location with the run's SKUs); the others are click & collect there.
  const body =
    kind === 'delivered'
      ? { channel: 'web', currency: 'EUR', fulfilments: [{ type: 'delivery', address: ADDRESS, lines: [line] }], contact }
      : { channel: 'web', storeId: STORE, currency: 'EUR', lines: [line], contact };
  const j = { i, kind, key, line, orderIds: new Set(), outcome: 'failed', detail: '' };
  if (kind === 'preordered') return preorderJourney(j, as, { ...line, sku: preorderSku(i) }, contact, codes, deadline);
  const placed = kind === 'cart' ? await throughCart(i, line, contact, deadline) : await place(as, body, key, deadline);
  if (placed.failed) return { ...j, detail: placed.failed };
  if (placed.refused) return { ...j, outcome: 'refused', detail: placed.refused };
  if (placed.status === 422 || placed.status === 400) return { ...j, outcome: 'refused', detail: placed.body?.code ?? String(placed.status) };
  if (placed.status !== 201) return { ...j, detail: answered('POST /orders', placed) };
  j.orderIds.add(placed.body.id);
  const orderId = placed.body.id;
  if (kind === 'retried') {
    // The client lost the answer and sends the same request again with the same key.
    const again = await as('POST', 'order', '/orders', body, { key, deadline });
    if (again.status === 201 || again.status === 200) j.orderIds.add(again.body.id);
  }
  let decided = await waitStatus(as, orderId, ['RESERVED', 'AWAITING_TRANSFER', 'REJECTED', 'CANCELLED'], deadline);
  if (!decided) return { ...j, detail: 'never decided' };
  if (decided.status === 'REJECTED') return { ...j, outcome: 'refused', detail: 'REJECTED' };
  if (decided.status === 'AWAITING_TRANSFER' && i % LOST_TRANSFER_EVERY === 0) {
    // This transfer never arrives: shipped, then declared lost. The order waits for the units
    // inventory finds again (the warehouse's next ones, on a new transfer), or gives them up.
    const lost = await loseTransfer(j, as, decided, deadline);
    if (lost.detail || lost.outcome) return { ...j, ...lost };
    decided = lost.order;
  }
  if (decided.status === 'AWAITING_TRANSFER') {
    // The warehouse ships the units and the store receives them; a retried step answers 409.
    const transferId = decided.fulfilments[0].lines[0].pendingTransferId;
    for (const move of ['ship', 'receive']) {
      const r = await as('POST', 'inventory', `/transfers/${transferId}/${move}`, undefined, { deadline });
      if (!applied(r) && r.status !== 409) return { ...j, detail: answered(`transfer ${move}`, r) };
    }
    decided = await waitStatus(as, orderId, ['RESERVED'], deadline);
    if (decided?.status !== 'RESERVED') return { ...j, detail: `transfer received, order ${decided?.status ?? 'unreadable'}` };
  }
  if (kind === 'cancelled') {
    const c = await as('POST', 'order', `/orders/${orderId}/cancel`, { reason: 'CUSTOMER.REQUEST' }, { deadline });
    if (!applied(c)) return { ...j, detail: answered('cancel', c) };
    return (await waitStatus(as, orderId, ['CANCELLED'], deadline))?.status === 'CANCELLED' ? { ...j, outcome: 'completed' } : { ...j, detail: 'not cancelled' };
  }
  const group = decided.fulfilments[0];
  const store = `/stores/${STORE}/orders/${group.fulfilmentId}`;
  const picking = await as('POST', 'order', `${store}/picking`, {}, { deadline });
  if (picking.status >= 300 && picking.status !== 409) return { ...j, detail: `picking answered ${picking.status}` };
  const picks = await as('POST', 'order', `${store}/picks`, { lines: group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) }, { deadline });
  if (picks.status >= 300 && picks.status !== 409) return { ...j, detail: `picks answered ${picks.status}` };
  if (kind === 'delivered') {
    if ((await waitStatus(as, orderId, ['PACKED'], deadline))?.status !== 'PACKED') return { ...j, detail: 'never packed' };
    const shipped = await as('POST', 'order', `${store}/ship`, { carrier: 'chaos-carrier', trackingNumber: `CHAOS${i}` }, { deadline });
    if (!applied(shipped) && shipped.status !== 409) return { ...j, detail: answered('ship', shipped) };
    const outcome = await as('POST', 'order', `/fulfilments/${group.fulfilmentId}/delivery-outcome`, { outcome: 'DELIVERED' }, { deadline, headers: carrier });
    if (!applied(outcome) && outcome.status !== 409) return { ...j, detail: answered('delivery outcome', outcome) };
    return (await waitStatus(as, orderId, ['DELIVERED'], deadline))?.status === 'DELIVERED' ? { ...j, outcome: 'completed' } : { ...j, detail: 'not delivered' };
  }
  if ((await waitStatus(as, orderId, ['READY_FOR_PICKUP'], deadline))?.status !== 'READY_FOR_PICKUP') return { ...j, detail: 'never ready' };
  while (!codes.has(orderId) && Date.now() < deadline) await sleep(200);
  if (!codes.has(orderId)) return { ...j, detail: 'no pickup code sent' };
  const collected = await as('POST', 'order', `${store}/collect`, { pickupCode: codes.get(orderId) }, { deadline });
  if (!applied(collected)) return { ...j, detail: answered('collect', collected) };
  if ((await waitStatus(as, orderId, ['COLLECTED'], deadline))?.status !== 'COLLECTED') return { ...j, detail: 'not collected' };
  if (kind !== 'returned' && kind !== 'exchanged') return { ...j, outcome: 'completed' };
  // Brought back to the store: the returns service must have heard of the collection first.
  for (;;) {
    const r = await as('GET', 'returns', `/returnable-orders/${orderId}`, undefined, { deadline });
    if (r.status === 200 && r.body.lines?.[0]?.returnable >= line.quantity) break;
    if (Date.now() > deadline) return { ...j, detail: 'never returnable' };
    await sleep(250);
  }
  const lineId = group.lines[0].lineId;
  // An even exchange: the same number of units of the next SKU, at the same price, from the store's shelves.
  const replacements = kind === 'exchanged' ? [{ sku: replacementSku(line.sku), quantity: line.quantity, unitPrice: line.unitPrice }] : undefined;
  const returnBody = { requestId: `chaos-${run}-${i}`, orderId, lines: [{ lineId, quantity: line.quantity, condition: 'new' }], replacements, refundMethod: 'original-tender' };
  let returned = await as('POST', 'returns', `/stores/${STORE}/returns`, returnBody, { deadline });
  // Applied, its answer lost in a fault: the same request (its requestId) under a new key answers the return it made.
  if (returned.status === 409 && returned.body?.code === 'IDEMPOTENCY.ANSWER_LOST') {
    stats.answersLost++;
    returned = await as('POST', 'returns', `/stores/${STORE}/returns`, returnBody, { deadline });
  }
  if (returned.status !== 201 && returned.status !== 200) return { ...j, detail: `${answered('return', returned)} ${JSON.stringify(returned.body).slice(0, 200)}` };
  j.returnId = returned.body.id;
  if (kind === 'returned') return returned.body.status === 'COMPLETED' ? { ...j, outcome: 'completed' } : { ...j, detail: `return ${returned.body.status}` };
  // The store issues the replacement, or refuses it when its shelves are empty: the exchange then
  // fails cleanly and the customer keeps what they bought (a compensated journey).
  for (;;) {
    const r = await as('GET', 'returns', `/returns/${j.returnId}`, undefined, { deadline });
    j.exchange = r.body?.status;
    if (j.exchange === 'COMPLETED') return { ...j, outcome: 'completed' };
    if (j.exchange === 'REPLACEMENT_UNAVAILABLE') return { ...j, outcome: 'refused', detail: 'REPLACEMENT_UNAVAILABLE' };
    if (Date.now() > deadline) return { ...j, detail: `exchange ${j.exchange ?? answered('GET return', r)}` };
    await sleep(250);
  }
}

/** Ships the transfer an order waits for and declares it lost; then the order as it follows that. */
async function loseTransfer(j, as, order, deadline) {
  const transferId = order.fulfilments[0].lines[0].pendingTransferId;
  const shipped = await as('POST', 'inventory', `/transfers/${transferId}/ship`, undefined, { deadline });
  if (!applied(shipped) && shipped.status !== 409) return { detail: answered('transfer ship', shipped) };
  // A retry after a lost answer finds it LOST already: 409.
  const lost = await as('POST', 'inventory', `/transfers/${transferId}/lost`, { reason: 'chaos: the carrier lost it' }, { deadline });
  if (!applied(lost) && lost.status !== 409) return { detail: answered('transfer lost', lost) };
  j.lostUnits = j.line.quantity;
  for (;;) {
    const r = await as('GET', 'order', `/orders/${order.id}`, undefined, { deadline });
    if (r.body?.status === 'CANCELLED') return { outcome: 'refused', detail: 'transfer lost, the units nowhere else' };
    if (r.status === 200 && r.body.fulfilments[0].lines[0].pendingTransferId !== transferId) return { order: r.body };
    if (Date.now() > deadline) return { detail: 'the order never followed its lost transfer' };
    await sleep(250);
  }
}

/** What an exchange of a store SKU gives in its place: the next of the run's store SKUs. */
function replacementSku(of) {
  return sku((Number(of.split('-').pop()) + 1) % SKUS);
}

/**
 * A preorder with store pickup: its product opens for preorder, the customer preorders it, the
 * units are announced as incoming supply and received at the store (allocated to the preorder and
 * held), the product is released, the order service's sweeper makes it ready, and it is collected
 * with the code the customer was sent.
 */
async function preorderJourney(j, as, line, contact, codes, deadline) {
  j.line = line;
  // Dates as the services see them: after a clock jump, theirs is ahead of this one.
  const releaseAt = new Date(serviceNow() + RELEASE_AFTER_MS);
  const product = { releaseAt: releaseAt.toISOString(), opensAt: new Date(serviceNow() - 3_600_000).toISOString(), closesAt: releaseAt.toISOString(), capPerStore: 10, capPerCustomer: 2 };
  const defined = await as('PUT', 'order', `/preorder-products/${line.sku}`, product, { deadline });
  if (!applied(defined)) return { ...j, detail: answered('preorder product', defined) };
  const priced = await as('PUT', 'order', `/price-list/${line.sku}`, { prices: [{ currency: 'EUR', unitPrice: line.unitPrice }] }, { deadline });
  if (!applied(priced)) return { ...j, detail: answered('price', priced) };
  const body = { channel: 'web', currency: 'EUR', contact, fulfilments: [{ type: 'pickup', storeId: STORE, preorder: true, lines: [line] }] };
  const placed = await place(as, body, j.key, deadline);
  // Held up by a fault past the release, the preorder is refused as any would be then: cleanly.
  if (placed.status === 422 && placed.body?.code === 'PREORDER.NOT_A_PREORDER') return { ...j, outcome: 'refused', detail: 'PREORDER.NOT_A_PREORDER' };
  if (placed.status !== 201) return { ...j, detail: answered('preorder', placed) };
  const orderId = placed.body.id;
  j.orderIds.add(orderId);
  if ((await waitStatus(as, orderId, ['PREORDERED'], deadline))?.status !== 'PREORDERED') return { ...j, detail: 'never in line' };
  const supply = await create(as, 'inventory', '/supply', { sku: line.sku, locationId: STORE, quantity: line.quantity, expectedAt: new Date(serviceNow()).toISOString(), reference: `PO-${line.sku}` }, randomUUID(), deadline);
  if (!applied(supply) || !supply.body?.supplyId) return { ...j, detail: answered('supply', supply) };
  const receipt = await as('POST', 'inventory', `/supply/${supply.body.supplyId}/receipt`, { quantity: line.quantity }, { deadline });
  if (!applied(receipt)) return { ...j, detail: answered('supply receipt', receipt) };
  j.received = line.quantity;
  const ready = await waitStatus(as, orderId, ['READY_FOR_PICKUP'], deadline);
  if (ready?.status !== 'READY_FOR_PICKUP') return { ...j, detail: `never ready after its release (${ready?.status ?? 'unreadable'})` };
  while (!codes.has(orderId) && Date.now() < deadline) await sleep(200);
  if (!codes.has(orderId)) return { ...j, detail: 'no pickup code sent' };
  const group = ready.fulfilments[0];
  const collected = await as('POST', 'order', `/stores/${STORE}/orders/${group.fulfilmentId}/collect`, { pickupCode: codes.get(orderId) }, { deadline });
  if (!applied(collected)) return { ...j, detail: answered('collect', collected) };
  return (await waitStatus(as, orderId, ['COLLECTED'], deadline))?.status === 'COLLECTED' ? { ...j, outcome: 'completed' } : { ...j, detail: 'not collected' };
}

/**
 * A cart begun by a signed-in customer on the web, handed to the store's POS with a code, claimed
 * there and checked out as a pickup at the store: the placement, or why it failed. A lost answer
 * (409 IDEMPOTENCY.ANSWER_LOST) is followed as a client would: the state is read back.
 */
async function throughCart(i, line, contact, deadline) {
  const customerId = `chaos-${run}-${i}`.toLowerCase();
  const customer = { authorization: `Bearer ${await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'web', scope: 'orders:place orders:read' })}` };
  const pos = { authorization: `Bearer ${await mintToken({ sub: `pos:${STORE}:${i}`, channel: 'pos', store_id: STORE, associate_id: `associate-${i}`, scope: 'store:operate orders:place orders:read' })}` };
  const lost = (r) => r.status === 409 && r.body?.code === 'IDEMPOTENCY.ANSWER_LOST';
  // The customer's open cart: asked again after a lost answer, it is the same cart, continued.
  let created = await call('POST', 'order', '/carts', { channel: 'web', currency: 'EUR', lines: [line] }, { headers: customer, deadline });
  if (lost(created)) created = await call('POST', 'order', '/carts', { channel: 'web', currency: 'EUR', lines: [line] }, { headers: customer, deadline });
  if (!created.body?.cart?.id) return { failed: answered('cart', created) };
  const cartId = created.body.cart.id;
  // A clock jump past the carts' idle limit (a day) abandons a cart mid-journey, as a customer
  // away that long would find it: a clean end, not a failure.
  const jumpsBefore = clockJumps.length;
  const refused = async (what, res) => {
    const cart = clockJumps.length > jumpsBefore ? await call('GET', 'order', `/carts/${cartId}`, undefined, { headers: customer, deadline }) : null;
    return cart?.body?.status === 'ABANDONED' ? { refused: `cart abandoned: a clock jump passed its idle limit (${answered(what, res)})` } : { failed: answered(what, res) };
  };
  let handoff = await call('POST', 'order', `/carts/${cartId}/handoff`, undefined, { headers: customer, deadline });
  if (lost(handoff)) handoff = await call('POST', 'order', `/carts/${cartId}/handoff`, undefined, { headers: customer, deadline });
  if (!handoff.body?.code) return refused('handoff', handoff);
  const claimed = await call('POST', 'order', `/stores/${STORE}/carts/claim`, { code: handoff.body.code }, { headers: pos, deadline });
  if (!applied(claimed)) return refused('claim', claimed);
  const checkout = await call('POST', 'order', `/carts/${cartId}/checkout`, { channel: 'pos', contact }, { headers: pos, deadline });
  if (checkout.status === 409 && checkout.body?.code === 'CART.NOT_OPEN') return refused('checkout', checkout);
  if (!lost(checkout)) return checkout;
  const cart = await call('GET', 'order', `/carts/${cartId}`, undefined, { headers: pos, deadline });
  return cart.body?.orderId ? { status: 201, body: { id: cart.body.orderId } } : { failed: `checkout answer lost, cart ${cart.body?.status}` };
}

async function allReady(deadline) {
  for (;;) {
    const states = await Promise.all(SERVICE_NAMES.map((s) => request('GET', url(s, '/health/ready')).then((r) => r.status, () => 0)));
    if (states.every((s) => s === 200)) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

/** Events the service's inbox skipped as applied before (events_consumed_total, outcome duplicate). */
async function duplicatesOf(service) {
  const r = await request('GET', url(service, '/metrics')).catch(() => ({ text: '' }));
  return [...r.text.matchAll(/^events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

/** One fault; resolves with how long the system took to be ready again after it ended. */
async function inject({ kind, target, pauseMs }) {
  const started = Date.now();
  let redelivered;
  if (kind === 'kill' || kind === 'term' || kind === 'pause') {
    const pid = stack.pids()[target];
    if (kind === 'kill' || kind === 'term') {
      // SIGKILL: a crash; SIGTERM: a graceful stop under load (a rolling restart). The supervisor starts it again.
      process.kill(pid, kind === 'kill' ? 'SIGKILL' : 'SIGTERM');
      while (isAlive(pid)) await sleep(50);
    } else {
      process.kill(pid, 'SIGSTOP');
      await sleep(pauseMs);
      process.kill(pid, 'SIGCONT');
    }
  } else if (kind === 'rebalance') {
    // A rebalance storm: a second instance joins the service's consumer group under load, twice,
    // leaving (SIGTERM) after a while each time; partitions move back and forth mid-run.
    for (let round = 0; round < 2; round++) {
      const extra = await stack.scaleOut(target, SERVICES[target] + 100);
      await sleep(pauseMs / 2);
      await extra.stop();
    }
  } else if (kind === 'replay') {
    // Every event of the run the service's group has consumed, delivered again: the service is
    // paused until the group has given its partitions up, its offsets are rewound to where the
    // topics stood when the load began, and it resumes. The inbox must make the replay change nothing (the invariants check it).
    const pid = stack.pids()[target];
    const kafkaAdmin = new Kafka({ clientId: 'chaos-replay', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    const duplicatesBefore = await duplicatesOf(target);
    process.kill(pid, 'SIGSTOP');
    try {
      const deadline = Date.now() + 60_000;
      while ((await kafkaAdmin.describeGroups([target])).groups[0].state !== 'Empty') {
        if (Date.now() > deadline) throw new Error(`group ${target} still has members after 60 s`);
        await sleep(250);
      }
      // Back to where each topic stood when the run began: the broker keeps its topics from run to
      // run, and events of earlier runs belong to databases this run does not have.
      for (const { topic } of await kafkaAdmin.fetchOffsets({ groupId: target })) {
        if (topicsAtStart.has(topic)) await kafkaAdmin.setOffsets({ groupId: target, topic, partitions: topicsAtStart.get(topic) });
      }
    } finally {
      process.kill(pid, 'SIGCONT');
      await kafkaAdmin.disconnect();
    }
    // The replay has happened once the service counts events it had applied already.
    const deadline = Date.now() + 60_000;
    while ((await duplicatesOf(target)) <= duplicatesBefore && Date.now() < deadline) await sleep(250);
    redelivered = (await duplicatesOf(target)) - duplicatesBefore;
  } else if (kind === 'poison') {
    // On every topic a service consumes: a value that is not JSON, and a known event type whose
    // payload breaks its schema. Each consumer must park them with a reason and move on.
    const producer = new Kafka({ clientId: 'chaos-poison', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    try {
      for (const topic of CONSUMED_TOPICS) {
        const key = `chaos-poison-${randomUUID()}`;
        poisonKeys.add(key);
        await producer.send({
          topic,
          acks: -1,
          messages: [
            { key, value: '{not json', headers: { ce_type: 'order.placed.v2', ce_id: randomUUID(), ce_specversion: '1.0', ce_source: 'chaos' } },
            { key, value: JSON.stringify({ orderId: 'not-a-uuid', lines: 'none' }), headers: { ce_type: 'order.placed.v2', ce_id: randomUUID(), ce_specversion: '1.0', ce_source: 'chaos', 'content-type': 'application/json' } },
          ],
        });
      }
    } finally {
      await producer.disconnect();
    }
  } else if (kind === 'clock-jump') {
    // The whole stack wakes up CLOCK_JUMP_MS later: every service stopped (SIGTERM) and started
    // again with its clock that far ahead. Sweepers then find the reminders, deadlines and
    // reservation expiries the jump passed, each due once.
    if (clockOffsetMs + CLOCK_JUMP_MS >= (STORE_HOLD_DAYS - 1) * DAY_MS) {
      return { kind, target, atS: Math.round((started - t0) / 100) / 10, lastedMs: 0, recoveredMs: 0, skipped: `one more jump would reach the reminders of the run's store (${STORE_HOLD_DAYS} days' hold)` };
    }
    stack.setEnv({ CLOCK_OFFSET_MS: String(clockOffsetMs + CLOCK_JUMP_MS) });
    const pids = Object.values(stack.pids()).filter(Boolean);
    for (const pid of pids) process.kill(pid, 'SIGTERM');
    for (const pid of pids) while (isAlive(pid)) await sleep(50);
    // Until the old processes are gone, those draining still answer on the old clock (a cart
    // created there is idle three days for the new ones): the journeys see the jump from here.
    clockOffsetMs += CLOCK_JUMP_MS;
    clockJumps.push(Date.now());
  } else if (kind === 'db-restart') {
    // Immediate shutdown (SIGQUIT to the postmaster: no checkpoint, crash recovery at the next
    // start), then started again on the same data. Only a server this run started is touched.
    const server = await serverProcessOf(stack.pg.adminUrl);
    if (!stack.pg.embedded || server?.owner !== process.pid) {
      return { kind, target, atS: Math.round((started - t0) / 100) / 10, lastedMs: 0, recoveredMs: 0, skipped: 'a PostgreSQL server this run did not start is not its to restart' };
    }
    const pid = server.pid;
    process.kill(pid, 'SIGQUIT');
    while (isAlive(pid)) await sleep(50);
    restartedPostgres = await ensurePostgres({ port: new URL(stack.pg.adminUrl).port, log: () => undefined });
  } else {
    const pid = Number(fs.readFileSync(kafkaPidFile, 'utf8'));
    if (kind === 'broker-kill') {
      process.kill(-pid, 'SIGKILL');
      await sleep(1000);
      await startKafka({ port: KAFKA_PORT, controllerPort: KAFKA_PORT + 1 });
    } else {
      // Longer than the consumers' session timeout (10 s): the groups rebalance when it comes back.
      process.kill(-pid, 'SIGSTOP');
      await sleep(12_000);
      process.kill(-pid, 'SIGCONT');
    }
  }
  const ended = Date.now();
  // Readiness first flips once the fault is noticed; give it a moment before trusting "ready".
  await sleep(['kill', 'term', 'clock-jump'].includes(kind) ? 500 : 0);
  const ready = await allReady(Date.now() + 120_000);
  return { kind, target, atS: Math.round((started - t0) / 100) / 10, lastedMs: ended - started, recoveredMs: ready ? Date.now() - ended : null, ...(redelivered === undefined ? {} : { redelivered }) };
}

/** The topics the services consume (a poison fault writes to each) and the keys of what it wrote. */
const CONSUMED_TOPICS = ['order.events.v1', 'inventory.events.v1', 'returns.events.v1', 'customer.events.v1', 'payment.events.v1'];
const poisonKeys = new Set();

/** Where each consumed topic ended when the load began: what a replay rewinds to. */
let topicsAtStart = new Map();

async function topicEnds(topics) {
  const kafkaAdmin = new Kafka({ clientId: 'chaos-offsets', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
  await kafkaAdmin.connect();
  try {
    const ends = new Map();
    for (const t of topics) ends.set(t, (await kafkaAdmin.fetchTopicOffsets(t)).map((p) => ({ partition: p.partition, offset: p.high })));
    return ends;
  } finally {
    await kafkaAdmin.disconnect();
  }
}

/** The PostgreSQL server a db-restart started: stopped after the stack. */
let restartedPostgres = null;

let t0 = Date.now();
const report = { seed: SEED, seconds: SECONDS, rate: RATE, faults: [], journeys: [], invariants: [] };
let failed = false;
try {
  step(`seeding ${STORE}: ${SKUS} SKUs, ${STOCK_PER_SKU} units each, and its warehouse: ${WAREHOUSE_SKUS} SKUs, ${STOCK_PER_WAREHOUSE_SKU} units each (about 70 % of what the journeys ask for: the last are refused)`);
  const ok = (r, what) => {
    if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  };
  ok(await call('PUT', 'inventory', `/locations/${STORE}`, { name: STORE, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 30, pickupHoldDays: STORE_HOLD_DAYS, transferDays: 2 }), 'location');
  ok(await call('PUT', 'inventory', `/locations/${WAREHOUSE}`, { name: WAREHOUSE, kind: 'warehouse', timeZone: 'Europe/Paris', offersPickup: false, pickTimeMinutes: 30, pickupHoldDays: 3, transferDays: 1 }), 'warehouse');
  for (let w = 0; w < WAREHOUSE_SKUS; w++) {
    ok(await call('POST', 'inventory', `/locations/${WAREHOUSE}/stock/${warehouseSku(w)}/adjustments`, { reason: 'receipt', quantity: STOCK_PER_WAREHOUSE_SKU }), 'warehouse stock');
    ok(await call('PUT', 'order', `/price-list/${warehouseSku(w)}`, { prices: [{ currency: 'EUR', unitPrice: 1000 }] }), 'price');
  }
  for (let s = 0; s < SKUS; s++) {
    ok(await call('POST', 'inventory', `/locations/${STORE}/stock/${sku(s)}/adjustments`, { reason: 'receipt', quantity: STOCK_PER_SKU }), 'stock');
    ok(await call('PUT', 'order', `/price-list/${sku(s)}`, { prices: [{ currency: 'EUR', unitPrice: 1000 }] }), 'price');
  }
  const codes = await pickupCodes();
  const deadlines = FAULT_KINDS.includes('clock-jump') ? await deadlinePickups(ok) : null;
  const payments = await startPaymentSystem({ Kafka, logLevel, brokers: stack.brokers, run, refuseEvery: REFUSE_PAYMENT_EVERY });
  const desk = startPaymentsDesk({ call });
  const deadLettersBefore = await deadLetterEnds();
  topicsAtStart = await topicEnds(CONSUMED_TOPICS);

  step(`load: ${total} journeys over ${SECONDS} s (seed ${SEED}); faults at ${schedule.map((f) => `${Math.round(f.atMs / 1000)} s ${f.kind} ${f.target}`).join(', ') || 'none'}`);
  t0 = Date.now();
  const journeys = [];
  const faults = (async () => {
    for (const f of schedule) {
      await sleep(Math.max(0, t0 + f.atMs - Date.now()));
      if (interrupted) return;
      const r = await inject(f);
      log(`  ${String(r.atS).padStart(5)} s  ${r.kind} ${r.target}: ${r.skipped ? `skipped (${r.skipped})` : `lasted ${r.lastedMs} ms, ready again ${r.recoveredMs === null ? 'NEVER' : `${r.recoveredMs} ms`} after`}${r.redelivered === undefined ? '' : `; ${r.redelivered} events delivered again and skipped`}`);
      report.faults.push(r);
    }
  })();
  for (let i = 0; i < total && !interrupted; i++) {
    await sleep(Math.max(0, t0 + (i * 1000) / RATE - Date.now()));
    journeys.push(journey(i, plan[i], codes.codes));
  }
  const done = await Promise.all(journeys);
  await faults;
  report.journeys = done.map((j) => ({ ...j, orderIds: [...j.orderIds] }));

  step('quiescence: every service ready, every outbox empty, every consumer caught up');
  await allReady(Date.now() + 120_000);
  const outboxEmpty = await waitOutboxes(Date.now() + 60_000);
  // Published is not yet applied: every consumer must have read up to the end of its topics too.
  const caughtUp = await waitLag(Date.now() + 60_000);
  await codes.stop();
  // Every capture and refund answered; those refused, sent again by the desk and answered.
  const settled = await waitPaymentsSettled(done, Date.now() + 90_000);
  await desk.stop();
  await payments.stop();

  step('invariants');
  const check = (name, holds, detail = '') => {
    report.invariants.push({ name, holds, detail });
    if (!holds) failed = true;
    log(`  ${holds ? 'holds ' : 'BROKEN'}  ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const orders = new Map();
  for (const j of done) for (const id of j.orderIds) orders.set(id, (await call('GET', 'order', `/orders/${id}`)).body);
  const lost = [...orders].filter(([, o]) => !o?.id);
  check('no accepted order lost (every 201 answered is found)', lost.length === 0, lost.map(([id]) => id).join(', '));
  const doubled = done.filter((j) => j.orderIds.size > 1);
  check('no order doubled (a retried request with the same key gives the same order)', doubled.length === 0, doubled.map((j) => `journey ${j.i}: ${[...j.orderIds].join(' ≠ ')}`).join('; '));
  const unsettled = [...orders].filter(([, o]) => o?.id && !FINAL.includes(o.status) && !HOLDING.includes(o.status) && o.status !== 'SHIPPED');
  check('every order decided (none left PLACED)', unsettled.length === 0, unsettled.map(([id, o]) => `${id} ${o.status}`).join(', '));
  const stuck = done.filter((j) => j.outcome === 'failed');
  check('every journey completed or cleanly refused', stuck.length === 0, stuck.map((j) => `journey ${j.i} (${j.kind}): ${j.detail}`).join('; '));
  let stockProblems = [];
  for (let s = 0; s < SKUS; s++) {
    const level = (await call('GET', 'inventory', `/locations/${STORE}/stock/${sku(s)}`)).body;
    const ofSku = [...orders.values()].filter((o) => o?.lines?.[0]?.sku === sku(s));
    const units = (statuses) => ofSku.filter((o) => statuses.includes(o.status)).reduce((n, o) => n + o.lines[0].quantity - (o.lines[0].cancelledQuantity ?? 0), 0);
    const goneUnits = units(['COLLECTED', 'SHIPPED', 'DELIVERED']);
    const heldUnits = units(HOLDING);
    // Units back on the shelf from completed returns and exchanges; units handed over in exchange.
    const exchangedAway = (j) => j.kind === 'exchanged' && j.exchange === 'COMPLETED';
    const returnedUnits = done.filter((j) => (j.kind === 'returned' && j.returnId) || exchangedAway(j)).filter((j) => j.line.sku === sku(s)).reduce((n, j) => n + j.line.quantity, 0);
    const replacedUnits = done.filter((j) => exchangedAway(j) && replacementSku(j.line.sku) === sku(s)).reduce((n, j) => n + j.line.quantity, 0);
    const outUnits = goneUnits + replacedUnits;
    if (level.onHand !== STOCK_PER_SKU - outUnits + returnedUnits) stockProblems.push(`${sku(s)}: on hand ${level.onHand}, expected ${STOCK_PER_SKU} − ${goneUnits} collected or shipped − ${replacedUnits} given in exchange + ${returnedUnits} returned`);
    if (level.reserved !== heldUnits) stockProblems.push(`${sku(s)}: reserved ${level.reserved}, orders hold ${heldUnits}`);
    if (level.available < 0 || outUnits - returnedUnits + heldUnits > STOCK_PER_SKU) stockProblems.push(`${sku(s)}: oversold (${outUnits} gone − ${returnedUnits} back + ${heldUnits} held of ${STOCK_PER_SKU})`);
  }
  for (let w = 0; w < WAREHOUSE_SKUS; w++) {
    // Units shipped to the store by transfer are at one of the two locations, or collected.
    const [atWarehouse, atStore] = [(await call('GET', 'inventory', `/locations/${WAREHOUSE}/stock/${warehouseSku(w)}`)).body, (await call('GET', 'inventory', `/locations/${STORE}/stock/${warehouseSku(w)}`)).body];
    const ofSku = [...orders.values()].filter((o) => o?.lines?.[0]?.sku === warehouseSku(w));
    const units = (statuses) => ofSku.filter((o) => statuses.includes(o.status)).reduce((n, o) => n + o.lines[0].quantity - (o.lines[0].cancelledQuantity ?? 0), 0);
    const [collectedUnits, heldUnits] = [units(['COLLECTED']), units([...HOLDING, 'AWAITING_TRANSFER'])];
    // Units on a transfer declared lost are written off: at neither end.
    const lostUnits = done.filter((j) => j.lostUnits && j.line.sku === warehouseSku(w)).reduce((n, j) => n + j.lostUnits, 0);
    const onHand = atWarehouse.onHand + atStore.onHand;
    if (onHand !== STOCK_PER_WAREHOUSE_SKU - collectedUnits - lostUnits) stockProblems.push(`${warehouseSku(w)}: on hand ${atWarehouse.onHand} at the warehouse + ${atStore.onHand} at the store, expected ${STOCK_PER_WAREHOUSE_SKU} − ${collectedUnits} collected − ${lostUnits} lost`);
    if (atWarehouse.reserved + atStore.reserved !== heldUnits) stockProblems.push(`${warehouseSku(w)}: reserved ${atWarehouse.reserved} + ${atStore.reserved}, orders hold ${heldUnits}`);
    if (atWarehouse.available < 0 || atStore.available < 0 || collectedUnits + lostUnits + heldUnits > STOCK_PER_WAREHOUSE_SKU) stockProblems.push(`${warehouseSku(w)}: oversold (${collectedUnits} collected + ${lostUnits} lost + ${heldUnits} held of ${STOCK_PER_WAREHOUSE_SKU})`);
  }
  for (const j of done.filter((x) => x.kind === 'preordered' && x.received)) {
    // A preorder's own product: what was received is on hand until collected, and held for it until then.
    const level = (await call('GET', 'inventory', `/locations/${STORE}/stock/${j.line.sku}`)).body;
    const status = orders.get([...j.orderIds][0])?.status;
    const [onHand, reserved] = status === 'COLLECTED' ? [0, 0] : [j.received, ['ALLOCATED', ...HOLDING].includes(status) ? j.received : 0];
    if (level.onHand !== onHand || level.reserved !== reserved) stockProblems.push(`${j.line.sku} (preorder, ${status}): on hand ${level.onHand}, reserved ${level.reserved}; expected ${onHand} and ${reserved}`);
  }
  check('stock conserved and never oversold (on hand = received − collected − shipped − given in exchange + returned, units in transfer at one end or the other, units on a lost transfer at neither; reserved = what orders hold)', stockProblems.length === 0, stockProblems.join('; '));
  const refundProblems = [];
  for (const j of done.filter((x) => x.returnId)) {
    const r = (await call('GET', 'returns', `/returns/${j.returnId}`)).body;
    if (j.kind === 'exchanged') {
      // An even exchange refunds nothing, whether the replacement was issued or refused.
      const refunded = (r?.refunds ?? []).reduce((n, x) => n + x.amount, 0);
      if (r?.status !== j.exchange || refunded !== 0) refundProblems.push(`exchange ${j.returnId} (journey ${j.i}): ${r?.status} (the journey saw ${j.exchange}), refunded ${refunded}`);
      continue;
    }
    const value = j.line.quantity * j.line.unitPrice;
    const refunded = (r?.refunds ?? []).reduce((n, x) => n + x.amount, 0);
    if (r?.status !== 'COMPLETED' || r.refundAmount !== value || refunded !== value) refundProblems.push(`return ${j.returnId} (journey ${j.i}): ${r?.status}, refund ${r?.refundAmount}, refunded ${refunded}, paid ${value}`);
  }
  check('every return refunded once, exactly what was paid for its units; an even exchange refunds nothing', refundProblems.length === 0, refundProblems.join('; '));
  const paid = payments.stats();
  report.payments = { requests: paid.requests, refused: paid.refused, sentAgain: desk.sentAgain.size };
  const paymentProblems = [
    ...settled.problems,
    ...paid.settledTwice.map((id) => `${id} settled twice`),
    ...paid.unsettled.map((id) => `${id} never settled`),
    ...(desk.sentAgain.size < paid.refused ? [`${paid.refused} refused, ${desk.sentAgain.size} sent again`] : []),
  ];
  check(
    'every capture and refund settled once: each one the payment system refused was parked, sent again from the payments desk, then settled',
    paymentProblems.length === 0,
    paymentProblems.length === 0 ? `${paid.requests} asked, ${paid.refused} refused at first and sent again` : paymentProblems.slice(0, 10).join('; '),
  );
  const dlq = await deadLetters(deadLettersBefore);
  check('nothing dead-lettered but the poison injected, each with its reason', dlq.unexpected.length === 0, dlq.unexpected.join('; '));
  if (poisonKeys.size > 0) {
    const parked = new Set(dlq.parked.map((d) => d.key));
    const missing = [...poisonKeys].filter((k) => !parked.has(k));
    check('every poison message injected was parked in a dead-letter topic', missing.length === 0, missing.length === 0 ? `${dlq.parked.length} parked` : `not parked: ${missing.join(', ')}`);
  }
  if (deadlines) {
    const d = await deadlinesKept(deadlines, Date.now() + 60_000);
    await deadlines.watch.stop();
    check('every pickup whose reminder or deadline a clock jump passed was reminded or expired once: one event, one notice to its customer, its units back on the shelf once; none early', d.problems.length === 0, d.problems.length === 0 ? d.summary : d.problems.slice(0, 10).join('; '));
  }
  check('every outbox empty', outboxEmpty.ok, outboxEmpty.detail);
  check('every consumer caught up (no lag)', caughtUp.ok, caughtUp.detail);

  printTable(done);
} finally {
  await stack.stop();
  await restartedPostgres?.stop();
}
report.retries = stats.retries;
report.answersLost = stats.answersLost;
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);

/**
 * Pickups made ready at each deadline store before the load, left there for the clock jumps, and a
 * watch on what is said of them: the order events and the notices to their customers.
 */
async function deadlinePickups(ok) {
  const watch = await watchOrders(['order.events.v1', 'notification.requests.v1']);
  const stores = [];
  for (const { suffix, holdDays } of DEADLINE_STORES) {
    const storeId = `CHAOS-${run}-${suffix}`;
    const line = { sku: `${storeId}-SKU`, quantity: 1, unitPrice: 1000 };
    ok(await call('PUT', 'inventory', `/locations/${storeId}`, { name: storeId, kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 30, pickupHoldDays: holdDays, transferDays: 2 }), 'deadline store');
    ok(await call('POST', 'inventory', `/locations/${storeId}/stock/${line.sku}/adjustments`, { reason: 'receipt', quantity: ORDERS_PER_DEADLINE_STORE }), 'deadline stock');
    ok(await call('PUT', 'order', `/price-list/${line.sku}`, { prices: [{ currency: 'EUR', unitPrice: line.unitPrice }] }), 'deadline price');
    const orderIds = [];
    for (let k = 0; k < ORDERS_PER_DEADLINE_STORE; k++) {
      const contact = { email: `chaos-${suffix.toLowerCase()}-${k}-${run.toLowerCase()}@example.com`, name: 'Chaos Guest' };
      const placed = await place(call, { channel: 'web', storeId, currency: 'EUR', lines: [line], contact }, randomUUID(), Date.now() + 60_000);
      ok(placed, 'deadline order');
      watch.watch(placed.body.id);
      orderIds.push(placed.body.id);
    }
    for (const id of orderIds) {
      const deadline = Date.now() + 60_000;
      const reserved = await waitStatus(call, id, ['RESERVED'], deadline);
      if (reserved?.status !== 'RESERVED') throw new Error(`deadline order ${id}: ${reserved?.status ?? 'unreadable'}, not RESERVED`);
      const group = reserved.fulfilments[0];
      const at = `/stores/${storeId}/orders/${group.fulfilmentId}`;
      ok(await call('POST', 'order', `${at}/picking`, {}, { deadline }), 'deadline picking');
      ok(await call('POST', 'order', `${at}/picks`, { lines: group.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) }, { deadline }), 'deadline picks');
      if ((await waitStatus(call, id, ['READY_FOR_PICKUP'], deadline))?.status !== 'READY_FOR_PICKUP') throw new Error(`deadline order ${id} never ready`);
    }
    stores.push({ storeId, sku: line.sku, holdDays, orderIds });
  }
  log(`  ${stores.map((x) => `${ORDERS_PER_DEADLINE_STORE} pickups ready at ${x.storeId} (held ${x.holdDays} days)`).join(', ')}, waiting for the clock`);
  return { watch, stores };
}

/**
 * What each deadline store's pickups must have become, given how far the clocks jumped: expired
 * once if a jump passed their deadline, reminded once if a jump landed inside their last day, else
 * still ready; read until it holds or `deadline`.
 */
async function deadlinesKept({ watch, stores }, deadline) {
  const reached = clockJumps.map((_, k) => ((k + 1) * CLOCK_JUMP_MS) / DAY_MS);
  for (;;) {
    const problems = [];
    let expired = 0;
    let reminded = 0;
    for (const { storeId, sku, holdDays, orderIds } of stores) {
      const due = reached.some((d) => d >= holdDays);
      const reminders = reached.some((d) => d >= holdDays - 1 && d < holdDays) ? 1 : 0;
      for (const id of orderIds) {
        const o = (await call('GET', 'order', `/orders/${id}`)).body;
        const status = due ? 'EXPIRED' : 'READY_FOR_PICKUP';
        const counts = { 'order.expired.v1': watch.count(id, 'order.expired.v1'), 'notice pickup-expired': watch.count(id, 'notice pickup-expired'), 'notice pickup-reminder': watch.count(id, 'notice pickup-reminder') };
        const wanted = { 'order.expired.v1': due ? 1 : 0, 'notice pickup-expired': due ? 1 : 0, 'notice pickup-reminder': reminders };
        if (o?.status !== status) problems.push(`${id} at ${storeId}: ${o?.status}, expected ${status}`);
        for (const [what, n] of Object.entries(counts)) if (n !== wanted[what]) problems.push(`${id} at ${storeId}: ${n} × ${what}, expected ${wanted[what]}`);
        expired += counts['order.expired.v1'];
        reminded += counts['notice pickup-reminder'];
      }
      const level = (await call('GET', 'inventory', `/locations/${storeId}/stock/${sku}`)).body;
      const reserved = due ? 0 : orderIds.length;
      if (level?.onHand !== orderIds.length || level?.reserved !== reserved) problems.push(`${sku}: on hand ${level?.onHand}, reserved ${level?.reserved}; expected ${orderIds.length} and ${reserved}`);
    }
    const summary = `clocks ${clockOffsetMs / DAY_MS} days ahead after ${clockJumps.length} jump(s): ${expired} pickups expired, ${reminded} reminded`;
    if (problems.length === 0 || Date.now() > deadline) return { problems, summary };
    await sleep(500);
  }
}

/** Reads topics from the start and counts, per watched order, the distinct events (by ce_id) of each type, and notices (by notificationId) of each template. */
async function watchOrders(topics) {
  const watched = new Map();
  const consumer = new Kafka({ clientId: 'chaos-deadlines', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).consumer({ groupId: `chaos-deadlines-${run}`, maxWaitTimeInMs: 100, retry: { retries: 30 } });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const body = safeJson(message.value?.toString() ?? '{}');
      const data = body?.data ?? body;
      const seen = watched.get(data?.orderId ?? message.key?.toString());
      if (!seen) return;
      const header = (name) => message.headers?.[name]?.toString();
      const what = topic.startsWith('notification') ? `notice ${data?.template}` : header('ce_type');
      if (!seen.has(what)) seen.set(what, new Set());
      // A notice goes out as versions 1 and 2 of one request (its notificationId): one notice.
      seen.get(what).add(data?.notificationId ?? header('ce_id') ?? body?.id ?? `${topic}/${message.offset}`);
    },
  });
  return {
    watch: (orderId) => watched.set(orderId, new Map()),
    count: (orderId, what) => watched.get(orderId)?.get(what)?.size ?? 0,
    stop: () => consumer.disconnect().catch(() => undefined),
  };
}

/**
 * Waits until no payment request is left FAILED or unanswered: every order's captures and refunds
 * DONE, every return's refunds settled. Resolves with what was still open at the deadline.
 */
async function waitPaymentsSettled(done, deadline) {
  for (;;) {
    const problems = [];
    for (const j of done) {
      for (const id of j.orderIds) {
        const o = (await call('GET', 'order', `/orders/${id}`)).body;
        for (const r of o?.payment?.requests ?? []) if (r.status !== 'DONE') problems.push(`order ${id}: ${r.kind} ${r.id} ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
        if (o?.payment && (o.payment.captured !== o.payment.captureRequested || o.payment.refunded !== o.payment.refundRequested)) {
          problems.push(`order ${id}: captured ${o.payment.captured} of ${o.payment.captureRequested}, refunded ${o.payment.refunded} of ${o.payment.refundRequested}`);
        }
      }
      if (j.returnId) {
        const r = (await call('GET', 'returns', `/returns/${j.returnId}`)).body;
        for (const f of r?.refunds ?? []) if (!f.settledAt) problems.push(`return ${j.returnId}: refund ${f.refundId} to ${f.tender} ${f.failedAt ? `failed (${f.failureReason})` : 'unanswered'}`);
      }
    }
    if (problems.length === 0 || Date.now() > deadline) return { problems };
    await sleep(1000);
  }
}

async function waitOutboxes(deadline) {
  for (;;) {
    const backlog = {};
    for (const s of SERVICE_NAMES) {
      const r = await request('GET', url(s, '/metrics')).catch(() => ({ status: 0, text: '' }));
      const m = /^outbox_backlog(?:\{[^}]*\})? (\d+)/m.exec(r.text);
      backlog[s] = m ? Number(m[1]) : null;
    }
    if (Object.values(backlog).every((b) => b === 0)) return { ok: true, detail: '' };
    if (Date.now() > deadline) return { ok: false, detail: JSON.stringify(backlog) };
    await sleep(250);
  }
}

/** Waits until no service's consumer group lags behind its topics (kafka_consumer_lag, summed). */
async function waitLag(deadline) {
  for (;;) {
    const lag = {};
    for (const s of SERVICE_NAMES) {
      const r = await request('GET', url(s, '/metrics')).catch(() => ({ status: 0, text: '' }));
      const rows = [...r.text.matchAll(/^kafka_consumer_lag\{[^}]*\} (\d+)/gm)];
      lag[s] = r.status === 200 && rows.length > 0 ? rows.reduce((n, m) => n + Number(m[1]), 0) : null;
    }
    if (Object.values(lag).every((n) => n === 0)) return { ok: true, detail: '' };
    if (Date.now() > deadline) return { ok: false, detail: JSON.stringify(lag) };
    await sleep(500);
  }
}

/** Where each partition of each dead-letter topic ends: the broker keeps its topics from run to run. */
async function deadLetterEnds() {
  const kafkaAdmin = new Kafka({ clientId: 'chaos-dlq', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
  await kafkaAdmin.connect();
  try {
    const ends = new Map();
    for (const t of (await kafkaAdmin.listTopics()).filter((name) => name.endsWith('.dlq'))) {
      for (const p of await kafkaAdmin.fetchTopicOffsets(t)) ends.set(`${t}/${p.partition}`, Number(p.high));
    }
    return ends;
  } finally {
    await kafkaAdmin.disconnect();
  }
}

/** The dead letters written since `from` (deadLetterEnds before the load): the injected poison (with a reason) and anything else. */
async function deadLetters(from) {
  const ends = await deadLetterEnds();
  const since = (key) => from.get(key) ?? 0;
  const expected = [...ends].reduce((n, [key, high]) => n + high - since(key), 0);
  const parked = [];
  if (expected > 0) {
    const topics = [...new Set([...ends.keys()].map((key) => key.split('/')[0]))];
    const consumer = new Kafka({ clientId: 'chaos-dlq', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).consumer({ groupId: `chaos-dlq-${run}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (Number(message.offset) < since(`${topic}/${partition}`)) return;
        seen++;
        const h = (name) => message.headers?.[name]?.toString();
        parked.push({ topic, key: message.key?.toString() ?? null, reason: h('dlq-reason-code'), consumer: h('dlq-consumer') });
      },
    });
    const deadline = Date.now() + 30_000;
    while (seen < expected && Date.now() < deadline) await sleep(100);
    await consumer.disconnect();
  }
  // Poison an earlier run left in a topic is parked again when a replay reads it: poison all the same.
  const isPoison = (key) => poisonKeys.has(key) || (key ?? '').startsWith('chaos-poison-');
  const unexpected = parked.filter((d) => !isPoison(d.key) || !d.reason).map((d) => `${d.topic} ${d.key} by ${d.consumer}: ${d.reason ?? 'no reason'}`);
  return { parked, unexpected };
}

function printTable(done) {
  step(`results (seed ${SEED}; ${stats.retries} calls retried through faults; ${stats.answersLost} answers lost after the change was applied, the state read instead; payments: ${report.payments.requests} asked, ${report.payments.refused} refused at first, ${report.payments.sentAgain} sent again from the desk)`);
  log('| journey | started | completed | cleanly refused | failed | doubled |');
  log('| --- | --- | --- | --- | --- | --- |');
  const names = {
    collected: 'click & collect, collected',
    cancelled: 'click & collect, cancelled by the customer',
    retried: 'placement retried with its key',
    delivered: 'home delivery from the store, delivered',
    returned: 'collected, then returned at the store and refunded',
    exchanged: 'collected, then exchanged at the store for another SKU',
    preordered: 'preorder supplied, released and collected at the store',
    'shipped-to-store': 'click & collect shipped from the warehouse by transfer (one in five lost on the road), collected',
    cart: 'cart from the web handed to the POS, checked out there, collected',
  };
  for (const [kind, name] of Object.entries(names)) {
    const of = done.filter((j) => j.kind === kind);
    const n = (o) => of.filter((j) => j.outcome === o).length;
    log(`| ${name} | ${of.length} | ${n('completed')} | ${n('refused')} | ${n('failed')} | ${of.filter((j) => j.orderIds.size > 1).length} |`);
  }
  log('');
  log('| fault | target | at | lasted | ready again after |');
  log('| --- | --- | --- | --- | --- |');
  for (const f of report.faults) log(`| ${f.kind} | ${f.target} | ${f.atS} s | ${f.lastedMs} ms | ${f.skipped ? `skipped: ${f.skipped}` : f.recoveredMs === null ? 'never' : `${f.recoveredMs} ms`} |`);
  log('');
  log('| invariant | result |');
  log('| --- | --- |');
  for (const c of report.invariants) log(`| ${c.name} | ${c.holds ? 'holds' : `BROKEN: ${c.detail}`} |`);
}
