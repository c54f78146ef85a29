// Brings up the whole system on one machine: PostgreSQL (DATABASE_URL or embedded), a real Kafka
// broker with the topics, and the four services as processes — for `npm start` and the benchmark.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { devKeys } from '../tools/mint-token.mjs';
import { REPO, step } from './setup.mjs';

export const DEFAULT_SERVICES = { order: 3001, inventory: 3002, returns: 3003, customer: 3004 };

export async function startLocalStack({ services = DEFAULT_SERVICES, kafkaPort = 19092, databasePrefix = 'omni', logDir = path.join(REPO, '.cache/logs'), env = {}, dropDatabasesOnStop = false } = {}) {
  const { startKafka, createTopics, stopKafka } = await import('../infra/kafka.mjs');
  const { ensurePostgres, createDatabase, dropDatabase, databaseUrl } = await import('../infra/postgres.mjs');
  let stopping = false;
  // A service left over from an earlier run would answer in place of the one started here.
  await assertPortsFree(Object.values(services));

  step('starting PostgreSQL and Kafka');
  const [pg, kafka] = await Promise.all([ensurePostgres({ log: (m) => console.log(`  ${m}`) }), startKafka({ port: kafkaPort, controllerPort: kafkaPort + 1 })]);
  console.log(`  PostgreSQL ${pg.embedded ? '(embedded)' : '(DATABASE_URL)'}; Kafka ${kafka.brokers}`);
  const catalogue = JSON.parse(fs.readFileSync(path.join(REPO, 'libs/contracts/src/topics.json'), 'utf8'));
  await createTopics({
    brokers: kafka.brokers,
    topics: catalogue.topics.flatMap((t) => [t.name, `${t.name}.dlq`]).map((name) => ({ name, partitions: catalogue.partitions })),
  });

  step(`starting the services (logs in ${path.relative(REPO, logDir)}/)`);
  // Services trust tokens signed with the dev key (scripts/tools/mint-token.mjs) unless told otherwise.
  const auth = process.env.AUTH_JWKS_URL || process.env.AUTH_PUBLIC_KEY ? {} : { AUTH_PUBLIC_KEY: (await devKeys()).publicKey };
  fs.mkdirSync(logDir, { recursive: true });
  const children = [];
  for (const [name, port] of Object.entries(services)) {
    await createDatabase(pg.adminUrl, `${databasePrefix}_${name}`);
    const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
    // SERVICE_NODE_ARGS passes Node options NODE_OPTIONS refuses, e.g. "--cpu-prof --cpu-prof-dir=.cache/profiles".
    const nodeArgs = (process.env.SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '-r', path.join(REPO, 'scripts/register-paths.cjs'), path.join(REPO, 'dist/apps', name, 'src/main.js')], {
      cwd: REPO,
      env: { ...process.env, ...auth, ...env, PORT: String(port), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: databaseUrl(pg.adminUrl, `${databasePrefix}_${name}`) },
      stdio: ['ignore', log, log],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) console.error(`  ${name} exited (${code ?? signal}); see ${path.relative(REPO, logDir)}/${name}.log`);
    });
    children.push({ name, port, child });
  }
  try {
    await Promise.all(children.map(({ name, port, child }) => waitReady(name, port, child)));
  } catch (e) {
    // Leave nothing running behind a failed start.
    stopping = true;
    for (const { child } of children) child.kill('SIGKILL');
    await stopKafka({ port: kafkaPort }).catch(() => undefined);
    await pg.stop().catch(() => undefined);
    throw e;
  }
  for (const { name, port } of children) console.log(`  ${name.padEnd(9)} http://127.0.0.1:${port}  (health: /health/ready)`);

  return {
    brokers: kafka.brokers,
    pg,
    url: (name) => `http://127.0.0.1:${services[name]}`,
    stop: async () => {
      stopping = true;
      step('stopping');
      await Promise.all(children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))))));
      await stopKafka({ port: kafkaPort }).catch(() => undefined);
      // A benchmark's databases are of no use afterwards; left behind, they fill the disk run after run.
      if (dropDatabasesOnStop) for (const { name } of children) await dropDatabase(pg.adminUrl, `${databasePrefix}_${name}`).catch(() => undefined);
      await pg.stop().catch(() => undefined);
      console.log('  stopped');
    },
  };
}

/** Refuses to go on when something already listens on one of `ports`. */
async function assertPortsFree(ports) {
  const taken = [];
  for (const port of ports) {
    const free = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (!free) taken.push(port);
  }
  if (taken.length > 0) {
    throw new Error(`port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} already in use (a service left over from an earlier run? \`ss -ltnp\` shows which process): stop it, then start again`);
  }
}

async function waitReady(name, port, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One JSON call; `token` is sent as the bearer token. */
export async function call(method, url, body, { token, headers = {} } = {}) {
  const auth = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...auth, ...headers }, body: body && JSON.stringify(body) });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed };
}

export async function until(what, fn, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
