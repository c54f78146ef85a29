// How the local Kafka broker is configured: the files of its data dir, its server.properties
// (single-node KRaft, broker and controller in one JVM), the JVM's flags, and formatting the
// storage once with a cluster id.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../lib/setup.mjs';

const LOG4J = path.join(REPO, 'tools/kafka/log4j.properties');

/** The files of a broker's data dir (default .cache/kafka-data/<port>); see kafka.mjs. */
export function paths(port, dataDir) {
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

/** The `listeners=` line of server.properties: a running broker's ports are read back from it. */
export const listenersLine = (port, controllerPort) => `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}\n`;

export function serverProperties({ port, controllerPort, logDir }) {
  return `# Written by scripts/infra/kafka.mjs on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
${listenersLine(port, controllerPort)}advertised.listeners=PLAINTEXT://127.0.0.1:${port}
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

/** The cluster id the storage in logDir was formatted with, or undefined before formatting. */
export function readClusterId(logDir) {
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

/** The `java` arguments that run the broker of data dir `p` from the jars in `lib`. */
export function brokerJavaArgs({ lib, p, heapMb }) {
  return [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    ...JIT_FLAGS,
    '-Djava.awt.headless=true',
    ...javaLogFlags(p.log4jDir),
    '-cp',
    `${lib}/*`,
    'kafka.Kafka',
    p.props,
  ];
}

/** Formats the storage of a new data dir (KRaft needs a cluster id before the first start). */
export function formatStorage({ lib, p }) {
  if (readClusterId(p.logDir)) return; // formatted on an earlier start
  const r = spawnSync(
    'java',
    ['-cp', `${lib}/*`, ...javaLogFlags(p.log4jDir), 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', p.props, '--ignore-formatted'],
    { encoding: 'utf8' },
  );
  if (r.error) throw new Error(`kafka: cannot run java (is a JDK 17+ installed?): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`kafka: StorageTool format failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}
