// Fetch and run a real single-node Apache Kafka broker (KRaft, combined broker+controller)
// from Kafka's own jars on Maven Central. No Docker, no Kafka distribution tarball:
// Maven copies the jars pinned in tools/kafka/pom.xml into .cache/kafka/lib and we
// start `kafka.Kafka` with plain `java`.
//
//   node scripts/infra/kafka.mjs fetch|start|stop|kill [--port N] [--controller-port N] [--data-dir DIR]
//
// Layout of a data dir (default .cache/kafka-data/<port>):
//   server.properties   written on every (re)start
//   kraft/              log.dirs: metadata log + topic data (formatted once)
//   logs/server.log     broker log (INFO), see tools/kafka/log4j.properties
//   kafka.out           JVM stdout/stderr (WARN and above, crashes)
//   kafka.pid           pid of the running broker (= its process group id)

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import kafkajs from '../lib/kafkajs.mjs';

const { Kafka, logLevel } = kafkajs;

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POM = path.join(REPO, 'tools/kafka/pom.xml');
const LOG4J = path.join(REPO, 'tools/kafka/log4j.properties');
const DEFAULT_CACHE = path.join(REPO, '.cache/kafka');
const POLL_MS = 250;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function paths(port, dataDir) {
  const dir = path.resolve(dataDir ?? path.join(REPO, '.cache/kafka-data', String(port)));
  return {
    dataDir: dir,
    props: path.join(dir, 'server.properties'),
    logDir: path.join(dir, 'kraft'),
    log4jDir: path.join(dir, 'logs'),
    out: path.join(dir, 'kafka.out'),
    pidFile: path.join(dir, 'kafka.pid'),
  };
}

// ---------------------------------------------------------------------------------------
// Jars

/** Copy the jars pinned in tools/kafka/pom.xml into <cacheDir>/lib (only when needed). */
export function ensureKafkaJars({ cacheDir = DEFAULT_CACHE } = {}) {
  const lib = path.join(cacheDir, 'lib');
  const stamp = path.join(cacheDir, 'pom.sha256');
  const want = sha256(POM);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
  if (fs.existsSync(lib) && have === want) return lib;

  console.log(`kafka: fetching Kafka jars (tools/kafka/pom.xml) with Maven into ${lib}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Copy into a fresh temp dir and swap it in: copy-dependencies into the old lib would
  // leave jars of the previous version on the classpath next to the new ones.
  const tmp = `${lib}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const mvn = spawnSync(
    'mvn',
    ['-B', '-q', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'],
    // Captured, shown only on failure: Maven logs its errors to stdout, and with -q a
    // successful run still prints stray ANSI reset codes.
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (mvn.error) throw new Error(`kafka: cannot run mvn (is Maven installed?): ${mvn.error.message}`);
  if (mvn.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const log = (mvn.stdout + mvn.stderr).replace(/\x1b\[[0-9;]*m/g, '').trim();
    throw new Error(`kafka: mvn dependency:copy-dependencies failed (exit ${mvn.status})\n${log}`);
  }
  fs.rmSync(lib, { recursive: true, force: true });
  fs.renameSync(tmp, lib);
  fs.writeFileSync(stamp, `${want}\n`);
  return lib;
}

function kafkaVersion(lib) {
  const jar = fs.readdirSync(lib).find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f));
  return jar ? jar.replace(/^kafka_2\.\d+-(.+)\.jar$/, '$1') : 'unknown';
}

// ---------------------------------------------------------------------------------------
// Process helpers

function readPid(pidFile) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True while the process runs (a zombie, exited and not yet reaped, counts as gone). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) still answers kill(pid, 0).
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

/** Is `pid` a live kafka.Kafka started with this data dir's server.properties (not a reused pid)? */
function isOurBroker(pid, propsFile) {
  if (!isAlive(pid)) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.includes('kafka.Kafka') && cmd.includes(propsFile);
  } catch {
    return true; // no /proc: best effort
  }
}

/** Signal the broker's whole process group (it was spawned detached, so pgid = pid). */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
    try {
      process.kill(pid, signal);
    } catch (e2) {
      if (e2.code !== 'ESRCH') throw e2;
    }
  }
}

async function waitDead(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Run fn while holding <dataDir>/start.lock, so two processes starting the same broker
 * at once (e.g. parallel test runs) don't both spawn one. A lock left by a dead process
 * is taken over.
 */
async function withStartLock(dataDir, timeoutMs, fn) {
  const lock = path.join(dataDir, 'start.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = readPid(lock);
      if (owner && !isAlive(owner)) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`kafka: ${lock} held by pid ${owner} for ${timeoutMs} ms`);
      else await sleep(POLL_MS);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function portInUse(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

function tail(file, lines = 30) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return `--- ${file} (last ${Math.min(lines, text.length)} lines)\n${text.slice(-lines).join('\n')}`;
  } catch {
    return `--- ${file}: (missing)`;
  }
}

// ---------------------------------------------------------------------------------------
// Broker

function serverProperties({ port, controllerPort, logDir }) {
  return `# Written by scripts/infra/kafka.mjs on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${logDir}
# Topics are created explicitly (createTopics) so a typo never creates a topic silently.
auto.create.topics.enable=false
num.partitions=3
# Single node: internal topics can only have one replica; a single partition each
# keeps the first consumer-group / transaction coordinator lookup fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
# No 3 s wait before the first rebalance of a new consumer group (tests join often).
group.initial.rebalance.delay.ms=0
log.retention.hours=24
# After a crash (kill -9) the controller keeps the dead incarnation registered until its
# session expires; the restarted broker is refused (DUPLICATE_BROKER_REGISTRATION) until
# then. The default 9 s session made a crash-restart take ~15 s; 3 s makes it ~5.5 s.
# Heartbeats go over loopback to the same JVM, so 3 missed ones is still a real stall.
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=1000
`;
}

function readClusterId(logDir) {
  try {
    return /^cluster\.id=(.+)$/m.exec(fs.readFileSync(path.join(logDir, 'meta.properties'), 'utf8'))?.[1].trim();
  } catch {
    return undefined;
  }
}

// Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (what
// `StorageTool random-uuid` prints); Kafka never issues one starting with '-'.
// Generating it here saves a JVM start.
function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * This broker lives for one test run or one developer session on a machine it shares with
 * every service. C2, the JIT's optimising tier, spent about half the broker's CPU here compiling
 * for minutes after start (2 cores, reservations benchmark: 4.9 → 2.4 ms of broker CPU per event
 * with C1 alone). C1's code is slower at its peak, which a short-lived local broker never reaches;
 * production brokers (docker/, k8s/) run with the JVM's defaults.
 */
const JIT_FLAGS = ['-XX:TieredStopAtLevel=1'];

function javaLogFlags(log4jDir) {
  return [`-Dkafka.logs.dir=${log4jDir}`, `-Dlog4j.configuration=${pathToFileURL(LOG4J).href}`];
}

function formatStorage({ lib, p }) {
  if (readClusterId(p.logDir)) return; // formatted on an earlier start
  const r = spawnSync(
    'java',
    ['-cp', `${lib}/*`, ...javaLogFlags(p.log4jDir), 'kafka.tools.StorageTool', 'format',
      '-t', newClusterId(), '-c', p.props, '--ignore-formatted'],
    { encoding: 'utf8' },
  );
  if (r.error) throw new Error(`kafka: cannot run java (is a JDK 17+ installed?): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`kafka: StorageTool format failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

function adminClient(brokers) {
  return new Kafka({
    clientId: 'infra-kafka',
    brokers: [brokers],
    logLevel: logLevel.NOTHING, // readiness polling fails on purpose until the broker is up
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  }).admin();
}

/** One readiness probe: the broker answers Metadata and is this data dir's cluster. */
async function probe(brokers, clusterId) {
  const admin = adminClient(brokers);
  try {
    await admin.connect();
    const c = await admin.describeCluster();
    return c.brokers.length > 0 && (!clusterId || c.clusterId === clusterId);
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function waitReady({ brokers, p, pid, exited, readyTimeoutMs }) {
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    let why = exited() ?? (isAlive(pid) ? null : 'the broker process is gone');
    if (!why && (await probe(brokers, readClusterId(p.logDir)))) return;
    if (!why && Date.now() > deadline) why = `not ready after ${readyTimeoutMs} ms (killed it)`;
    if (why) {
      signalGroup(pid, 'SIGKILL'); // don't leave a half-started broker behind
      await waitDead(pid, 5000);
      fs.rmSync(p.pidFile, { force: true });
      throw new Error(`kafka: broker on ${brokers} failed to start: ${why}\n${tail(p.out)}\n${tail(path.join(p.log4jDir, 'server.log'))}`);
    }
    await sleep(POLL_MS);
  }
}

/**
 * Start (or reuse) a single-node KRaft broker and resolve once it serves requests.
 * @returns {Promise<{brokers: string, pid: number, dataDir: string, stop: () => Promise<void>, reused: boolean}>}
 */
export async function startKafka({
  port = 19092,
  controllerPort = 19093,
  dataDir,
  cacheDir,
  heapMb = 512,
  readyTimeoutMs = 90000,
} = {}) {
  const p = paths(port, dataDir);
  const brokers = `127.0.0.1:${port}`;
  const result = (pid, reused) => ({
    brokers, pid, dataDir: p.dataDir, reused,
    stop: () => stopKafka({ port, dataDir: p.dataDir }),
  });
  const lib = ensureKafkaJars({ cacheDir });
  fs.mkdirSync(p.log4jDir, { recursive: true });

  return withStartLock(p.dataDir, readyTimeoutMs + 10000, async () => {
    // A broker from an earlier run on this data dir: reuse it if it is ours and answers.
    const old = readPid(p.pidFile);
    if (old && isOurBroker(old, p.props)) {
      const listeners = `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}\n`;
      if (!fs.readFileSync(p.props, 'utf8').includes(listeners)) {
        throw new Error(`kafka: a broker (pid ${old}) already runs from ${p.dataDir} on other ports; stop it first`);
      }
      // Usually answers at once; give it the usual time in case it is still starting.
      await waitReady({ brokers, p, pid: old, exited: () => null, readyTimeoutMs });
      return result(old, true);
    }
    if (old) fs.rmSync(p.pidFile, { force: true }); // stale: process gone or pid reused

    for (const port_ of [port, controllerPort]) {
      if (await portInUse(port_)) throw new Error(`kafka: port ${port_} is already in use by another process`);
    }
    fs.writeFileSync(p.props, serverProperties({ port, controllerPort, logDir: p.logDir }));
    formatStorage({ lib, p });

    const out = fs.openSync(p.out, 'a');
    const child = spawn(
      'java',
      [`-Xms${heapMb}m`, `-Xmx${heapMb}m`, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', ...JIT_FLAGS, '-Djava.awt.headless=true',
        ...javaLogFlags(p.log4jDir), '-cp', `${lib}/*`, 'kafka.Kafka', p.props],
      // detached = own session and process group: it outlives us, and stop signals the group.
      { detached: true, stdio: ['ignore', out, out], cwd: p.dataDir },
    );
    fs.closeSync(out);
    let exitReason = null;
    child.once('error', (e) => { exitReason = `spawn failed: ${e.message}`; });
    child.once('exit', (code, sig) => { exitReason = `java exited (${sig ?? `code ${code}`})`; });
    child.unref();
    if (!child.pid) {
      await sleep(0); // let the 'error' event arrive
      throw new Error(`kafka: cannot start java: ${exitReason ?? 'no pid'}`);
    }
    fs.writeFileSync(p.pidFile, `${child.pid}\n`);

    await waitReady({ brokers, p, pid: child.pid, exited: () => exitReason, readyTimeoutMs });
    return result(child.pid, false);
  });
}

async function endKafka({ port, dataDir, signal, timeoutMs }) {
  const p = paths(port, dataDir);
  const pid = readPid(p.pidFile);
  if (!pid || !isOurBroker(pid, p.props)) {
    fs.rmSync(p.pidFile, { force: true });
    return { pid: null, forced: false };
  }
  signalGroup(pid, signal);
  let forced = signal === 'SIGKILL';
  if (!(await waitDead(pid, timeoutMs))) {
    signalGroup(pid, 'SIGKILL');
    forced = true;
    if (!(await waitDead(pid, 10000))) throw new Error(`kafka: broker pid ${pid} survived SIGKILL`);
  }
  fs.rmSync(p.pidFile, { force: true });
  return { pid, forced };
}

/** Graceful stop: SIGTERM to the broker's process group, SIGKILL after timeoutMs. */
export function stopKafka({ port = 19092, dataDir, timeoutMs = 30000 } = {}) {
  return endKafka({ port, dataDir, signal: 'SIGTERM', timeoutMs });
}

/** Simulated crash: SIGKILL at once. A later startKafka on the same data dir recovers. */
export function killKafka({ port = 19092, dataDir, timeoutMs = 10000 } = {}) {
  return endKafka({ port, dataDir, signal: 'SIGKILL', timeoutMs });
}

/**
 * Create the topics that do not exist yet, then wait until every partition has a leader.
 * @param {{brokers: string, topics: {name: string, partitions: number, replicationFactor?: number}[]}} opts
 * @returns {Promise<string[]>} names of the topics this call created
 */
export async function createTopics({ brokers, topics, timeoutMs = 30000 }) {
  const admin = new Kafka({ clientId: 'infra-kafka', brokers: [brokers], logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length) {
      // Returns false (no throw) when another client created them meanwhile: fine.
      await admin.createTopics({
        waitForLeaders: false, // waited for below, also for topics that already existed
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor ?? 1,
        })),
      });
    }
    const names = topics.map((t) => t.name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: names });
        if (meta.every((t) => t.partitions.length > 0 && t.partitions.every((x) => x.leader >= 0))) break;
      } catch {
        // UNKNOWN_TOPIC_OR_PARTITION / LEADER_NOT_AVAILABLE right after creation
      }
      if (Date.now() > deadline) throw new Error(`kafka: topics ${names.join(', ')} have no leaders after ${timeoutMs} ms`);
      await sleep(100);
    }
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}

// ---------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const [cmd, ...rest] = argv;
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const port = opt('--port') ? Number(opt('--port')) : 19092;
  const controllerPort = opt('--controller-port') ? Number(opt('--controller-port')) : port + 1;
  const dataDir = opt('--data-dir');
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  switch (cmd) {
    case 'fetch': {
      const lib = ensureKafkaJars();
      console.log(`kafka: ${kafkaVersion(lib)} jars in ${lib} (${secs()})`);
      break;
    }
    case 'start': {
      const k = await startKafka({ port, controllerPort, dataDir });
      const v = kafkaVersion(ensureKafkaJars());
      console.log(`kafka: ${v} ${k.reused ? 'already running' : 'started'} at ${k.brokers} (pid ${k.pid}, data ${k.dataDir}) in ${secs()}`);
      break;
    }
    case 'stop':
    case 'kill': {
      const r = await (cmd === 'stop' ? stopKafka : killKafka)({ port, dataDir });
      console.log(r.pid
        ? `kafka: ${cmd === 'kill' ? 'killed' : r.forced ? 'stopped (forced with SIGKILL)' : 'stopped'} broker pid ${r.pid} in ${secs()}`
        : `kafka: no broker running for port ${port}`);
      break;
    }
    default:
      console.error('usage: node scripts/infra/kafka.mjs fetch|start|stop|kill [--port N] [--controller-port N] [--data-dir DIR]');
      process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
