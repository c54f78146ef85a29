// Brings up the whole system on one machine: PostgreSQL (DATABASE_URL or embedded), a real Kafka
// broker with the topics, and the four services as supervised processes — for `npm start` and the
// benchmark. A service that exits unexpectedly is started again with backoff (1 s, 2 s, 4 s … 30 s),
// and stop() always stops everything that was started, whatever died on the way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { devKeys } from '../tools/mint-token.mjs';
import { REPO, step } from './setup.mjs';

export const DEFAULT_SERVICES = { order: 3001, inventory: 3002, returns: 3003, customer: 3004 };

/**
 * Node flags every service starts with (and the containers of docker/compose.yaml): with no memory
 * limit, V8 sizes the heap from the host, with young-generation semi-spaces of up to 64 MiB and an
 * old generation let grow up to four times what the last full collection kept. These keep each
 * service at 170-220 MiB at 250 orders/s instead of 340-460, for no more CPU (ADR 0016,
 * twenty-first round). The optimizing compilers run on the main thread, not on V8's workers,
 * whose malloc arenas kept 13-31 MiB of their memory (twenty-third round). They live in
 * service-node-flags.json, which the tests read too.
 */
export const SERVICE_NODE_FLAGS = JSON.parse(fs.readFileSync(new URL('./service-node-flags.json', import.meta.url), 'utf8'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const exited = (child) => child.exitCode !== null || child.signalCode !== null;

/**
 * One service process, started again when it exits while the stack runs. Every (re)start waits for
 * /health/ready and says so on the console; `onEvent` hears 'exited', 'restarting' and 'ready'.
 */
class SupervisedService {
  constructor({ name, port, command, args, env, logFile, log, onEvent = () => undefined }) {
    Object.assign(this, { name, port, command, args, env, logFile, log, onEvent });
    this.child = null;
    this.restarts = 0;
    this.stopping = false;
    this.timer = null;
  }

  start() {
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(this.command, this.args, { cwd: REPO, env: this.env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.child = child;
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    return child;
  }

  exited(child, code, signal) {
    if (this.stopping || child !== this.child) return;
    const ranMs = Date.now() - this.startedAt;
    // A service that ran a minute is healthy again: its next failure starts the backoff afresh.
    if (ranMs > 60_000) this.restarts = 0;
    const delay = Math.min(30_000, 1000 * 2 ** this.restarts);
    this.restarts++;
    this.log(
      `  ✘ ${this.name} exited (${signal ?? `code ${code}`}) after ${(ranMs / 1000).toFixed(1)} s; restarting in ${delay / 1000} s (restart ${this.restarts}; log: ${path.relative(REPO, this.logFile)})`,
    );
    this.onEvent({ service: this.name, event: 'exited', code, signal });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopping) return;
      const next = this.start();
      this.onEvent({ service: this.name, event: 'restarting', pid: next.pid });
      waitReady(this.name, this.port, next).then(
        () => {
          if (this.stopping || next !== this.child) return;
          this.log(`  ✔ ${this.name} restarted (pid ${next.pid}) and ready in ${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`);
          this.onEvent({ service: this.name, event: 'ready', pid: next.pid, readyMs: Date.now() - this.startedAt });
        },
        () => undefined, // it exited again: exited() has scheduled the next try
      );
    }, delay);
  }

  /** SIGTERM (graceful: the consumer leaves its group, the outbox is flushed), SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000) {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    if (!child || exited(child)) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

export async function startLocalStack({
  services = DEFAULT_SERVICES,
  kafkaPort = 19092,
  databasePrefix = 'omni',
  logDir = path.join(REPO, '.cache/logs'),
  env = {},
  dropDatabasesOnStop = false,
  log = (m) => console.log(m),
  onServiceEvent,
  /** Receives stop() at once, so a signal arriving while the stack starts can stop what has started. */
  onStop = () => undefined,
} = {}) {
  const { startKafka, createTopics, stopKafka } = await import('../infra/kafka.mjs');
  const { ensurePostgres, createDatabase, dropDatabase, databaseUrl } = await import('../infra/postgres.mjs');
  // A service left over from an earlier run would answer in place of the one started here.
  await assertPortsFree(Object.values(services));

  const supervised = [];
  /** Second instances started by `scaleOut`, stopped with the rest. */
  const extras = [];
  let stopping = false;
  let stopped = null;
  step('starting PostgreSQL and Kafka');
  // Both settle before anything goes on, so neither is ever left half-started and unknown to stop().
  const infra = Promise.allSettled([ensurePostgres({ log: (m) => log(`  ${m}`) }), startKafka({ port: kafkaPort, controllerPort: kafkaPort + 1 })]);
  /** Stops whatever has been started, services first; safe to call more than once, and while starting. */
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      step('stopping');
      await Promise.all([...extras, ...supervised].map((s) => s.stop()));
      const [pgResult, kafkaResult] = await infra;
      if (kafkaResult.status === 'fulfilled') await stopKafka({ port: kafkaPort }).catch((e) => log(`  kafka: ${e.message}`));
      const pg = pgResult.status === 'fulfilled' ? pgResult.value : null;
      // A benchmark's databases are of no use afterwards; left behind, they fill the disk run after run.
      if (dropDatabasesOnStop && pg)
        for (const name of Object.keys(services)) await dropDatabase(pg.adminUrl, `${databasePrefix}_${name}`).catch(() => undefined);
      await pg?.stop().catch((e) => log(`  postgres: ${e.message}`));
      log('  stopped');
    })());
  onStop(stop);

  let pg;
  try {
    const [pgResult, kafkaResult] = await infra;
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (kafkaResult.status === 'rejected') throw kafkaResult.reason;
    pg = pgResult.value;
    const kafka = kafkaResult.value;
    log(`  PostgreSQL ${pg.embedded ? '(embedded)' : '(DATABASE_URL)'}; Kafka ${kafka.brokers}`);
    const catalogue = JSON.parse(fs.readFileSync(path.join(REPO, 'libs/contracts/src/topics.json'), 'utf8'));
    await createTopics({
      brokers: kafka.brokers,
      topics: catalogue.topics.flatMap((t) => [t.name, `${t.name}.dlq`]).map((name) => ({ name, partitions: catalogue.partitions })),
    });

    step(`starting the services (logs in ${path.relative(REPO, logDir)}/)`);
    // Services trust tokens signed with the dev key (scripts/tools/mint-token.mjs) unless told otherwise.
    const auth = process.env.AUTH_JWKS_URL || process.env.AUTH_PUBLIC_KEY ? {} : { AUTH_PUBLIC_KEY: (await devKeys()).publicKey };
    fs.mkdirSync(logDir, { recursive: true });
    // SERVICE_NODE_ARGS passes Node options NODE_OPTIONS refuses, e.g. "--cpu-prof --cpu-prof-dir=.cache/profiles".
    // They come after SERVICE_NODE_FLAGS, so they may override them (the last of a V8 flag wins).
    const nodeArgs = [...SERVICE_NODE_FLAGS, ...(process.env.SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
    for (const [name, port] of Object.entries(services)) {
      await createDatabase(pg.adminUrl, `${databasePrefix}_${name}`);
      if (stopping) throw new Error('stopped while starting');
      const service = new SupervisedService({
        name,
        port,
        command: process.execPath,
        args: [...nodeArgs, '-r', path.join(REPO, 'scripts/register-paths.cjs'), path.join(REPO, 'dist/apps', name, 'src/main.js')],
        env: {
          ...process.env,
          ...auth,
          ...env,
          PORT: String(port),
          KAFKA_BROKERS: kafka.brokers,
          DATABASE_URL: databaseUrl(pg.adminUrl, `${databasePrefix}_${name}`),
        },
        logFile: path.join(logDir, `${name}.log`),
        log,
        onEvent: onServiceEvent,
      });
      supervised.push(service);
      service.start();
    }
    await Promise.all(supervised.map((s) => waitReady(s.name, s.port, s.child)));
  } catch (e) {
    // Leave nothing running behind a failed start.
    await stop();
    throw e;
  }
  for (const s of supervised) log(`  ${s.name.padEnd(9)} http://127.0.0.1:${s.port}  (pid ${s.child.pid}; health: /health/ready)`);

  return {
    brokers: `127.0.0.1:${kafkaPort}`,
    pg,
    url: (name) => `http://127.0.0.1:${services[name]}`,
    /** The live process of each service (it changes when the supervisor restarts one). */
    pids: () => Object.fromEntries(supervised.map((s) => [s.name, s.child?.pid ?? null])),
    /**
     * Starts a second instance of service `name` on `port` (same database, same consumer group:
     * the group rebalances over both) and waits until it is ready; `stop()` it to leave (SIGTERM).
     */
    async scaleOut(name, port) {
      const first = supervised.find((s) => s.name === name);
      const extra = new SupervisedService({
        ...first,
        port,
        env: { ...first.env, PORT: String(port) },
        logFile: path.join(logDir, `${name}-${port}.log`),
        log,
        onEvent: onServiceEvent,
      });
      extras.push(extra);
      extra.start();
      await waitReady(name, port, extra.child);
      return { pid: extra.child.pid, stop: () => extra.stop() };
    },
    /**
     * Sets environment variables for every later start of every service (a restart after it exits,
     * a second instance): what a redeploy with a changed configuration does.
     */
    setEnv(vars) {
      for (const s of [...supervised, ...extras]) s.env = { ...s.env, ...vars };
    },
    stop,
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
    throw new Error(
      `port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} already in use (a service left over from an earlier run? \`ss -ltnp\` shows which process): stop it, then start again`,
    );
  }
}

function readyStatus(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health/ready', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(0));
  });
}

async function waitReady(name, port, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) throw new Error(`${name} exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready`);
    if ((await readyStatus(port)) === 200) return;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready within ${timeoutMs / 1000} s`);
    await sleep(100);
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
    await sleep(150);
  }
}
