// `npm start`: installs what is missing, starts PostgreSQL (DATABASE_URL or embedded) and a real
// Kafka broker, the four services, runs the demo journeys, and keeps running until Ctrl-C.
//   npm start -- --exit-after-demo     stop everything after the demo (used to check the script)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureKafka, ensureNpmPackages, REPO, step } from './lib/setup.mjs';

const SERVICES = { order: 3001, inventory: 3002, returns: 3003, customer: 3004 };
const KAFKA_PORT = Number(process.env.KAFKA_PORT ?? 19092);
const exitAfterDemo = process.argv.includes('--exit-after-demo');
const logDir = path.join(REPO, '.cache/logs');
const children = [];
let infra = null;

async function main() {
  ensureNpmPackages();
  await ensureKafka();
  build();
  const { startKafka, createTopics, stopKafka } = await import('./infra/kafka.mjs');
  const { ensurePostgres, createDatabase, databaseUrl } = await import('./infra/postgres.mjs');

  step('starting PostgreSQL and Kafka');
  const [pg, kafka] = await Promise.all([ensurePostgres({ log: (m) => console.log(`  ${m}`) }), startKafka({ port: KAFKA_PORT, controllerPort: KAFKA_PORT + 1 })]);
  infra = { pg, stopKafka: () => stopKafka({ port: KAFKA_PORT }) };
  console.log(`  PostgreSQL ${pg.embedded ? '(embedded)' : '(DATABASE_URL)'}; Kafka ${kafka.brokers}`);
  const catalogue = JSON.parse(fs.readFileSync(path.join(REPO, 'libs/contracts/src/topics.json'), 'utf8'));
  await createTopics({
    brokers: kafka.brokers,
    topics: catalogue.topics.flatMap((t) => [t.name, `${t.name}.dlq`]).map((name) => ({ name, partitions: catalogue.partitions })),
  });

  step('starting the services (logs in .cache/logs/)');
  fs.mkdirSync(logDir, { recursive: true });
  for (const [name, port] of Object.entries(SERVICES)) {
    await createDatabase(pg.adminUrl, `omni_${name}`);
    const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, ['-r', path.join(REPO, 'scripts/register-paths.cjs'), path.join(REPO, 'dist/apps', name, 'src/main.js')], {
      cwd: REPO,
      env: { ...process.env, PORT: String(port), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: databaseUrl(pg.adminUrl, `omni_${name}`) },
      stdio: ['ignore', log, log],
    });
    child.on('exit', (code, signal) => {
      if (!shuttingDown) console.error(`  ${name} exited (${code ?? signal}); see .cache/logs/${name}.log`);
    });
    children.push({ name, port, child });
  }
  await Promise.all(children.map(({ name, port }) => waitReady(name, port)));
  for (const { name, port } of children) console.log(`  ${name.padEnd(9)} http://127.0.0.1:${port}  (health: /health/ready)`);

  await demo();

  if (exitAfterDemo) return shutdown(0);
  console.log('\nRunning. Press Ctrl-C to stop everything.');
}

async function waitReady(name, port, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready; see .cache/logs/${name}.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function call(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function until(what, fn, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function demo() {
  const inv = `http://127.0.0.1:${SERVICES.inventory}`;
  const ord = `http://127.0.0.1:${SERVICES.order}`;
  const cus = `http://127.0.0.1:${SERVICES.customer}`;
  const store = `STORE-${Date.now().toString(36).toUpperCase()}`;
  const customer = `demo-customer-${Date.now().toString(36)}`;

  step(`demo: an order reserved at store ${store} and confirmed, across HTTP, Kafka and PostgreSQL`);
  const stock = await call('POST', `${inv}/locations/${store}/stock/SNEAKER-42/adjustments`, { reason: 'receipt', quantity: 3 });
  console.log(`  inventory: received 3 × SNEAKER-42 at ${store} → available ${stock.body.available}`);

  const t0 = Date.now();
  const placed = await call('POST', `${ord}/orders`, { channel: 'web', storeId: store, customerId: customer, currency: 'EUR', lines: [{ sku: 'SNEAKER-42', quantity: 2, unitPrice: 8900 }] });
  console.log(`  order:     web order ${placed.body.id} → ${placed.body.status}`);
  const confirmed = await until('confirmation', async () => {
    const o = await call('GET', `${ord}/orders/${placed.body.id}`);
    return o.body.status !== 'PLACED' && o.body;
  });
  console.log(`  order:     ${confirmed.status} ${Date.now() - t0} ms after placement (order.placed → inventory.reserved → order.confirmed)`);
  const after = await call('GET', `${inv}/locations/${store}/stock/SNEAKER-42`);
  console.log(`  inventory: on hand ${after.body.onHand}, reserved ${after.body.reserved}, available ${after.body.available}`);

  step('demo: an order for more than the store has is rejected, and nothing is reserved');
  const tooMany = await call('POST', `${ord}/orders`, { channel: 'app', storeId: store, customerId: customer, currency: 'EUR', lines: [{ sku: 'SNEAKER-42', quantity: 5, unitPrice: 8900 }] });
  const rejected = await until('rejection', async () => {
    const o = await call('GET', `${ord}/orders/${tooMany.body.id}`);
    return o.body.status !== 'PLACED' && o.body;
  });
  console.log(`  order:     app order ${tooMany.body.id} → ${rejected.status} (${rejected.rejectionReason})`);

  step('demo: bad input gets a problem naming the field and rule');
  const bad = await call('POST', `${ord}/orders`, { channel: 'fax', storeId: store, lines: [] });
  console.log(`  order:     HTTP ${bad.status} ${bad.body.code}: ${bad.body.detail}`);

  step(`demo: the customer's timeline (customer service, fed by order events)`);
  const timeline = await until('timeline', async () => {
    const t = await call('GET', `${cus}/customers/${customer}/timeline`);
    return t.body.entries.length >= 2 && t.body;
  });
  for (const e of timeline.entries) console.log(`  customer:  ${e.occurredAt} ${e.kind} ${e.orderId} via ${e.channel} at ${e.storeId}`);
}

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  step('stopping');
  await Promise.all(
    children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))))),
  );
  await infra?.stopKafka().catch(() => undefined);
  await infra?.pg.stop().catch(() => undefined);
  console.log('  stopped');
  process.exit(code);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch(async (e) => {
  console.error(`\n✘ ${e.message}`);
  await shutdown(1);
});
