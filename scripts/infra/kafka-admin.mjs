// Talking to the local Kafka broker with kafkajs: is it up and this data dir's cluster (waiting
// for it after a start, and killing it when it never gets there), is a port taken, and creating
// topics.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import kafkajs from '../lib/kafkajs.mjs';
import { readClusterId } from './kafka-config.mjs';
import { isAlive, signalGroup, sleep, waitDead } from './process.mjs';

const { Kafka, logLevel } = kafkajs;
export const POLL_MS = 250;

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

/**
 * Resolves once the broker `pid` of data dir `p` serves requests; when it exits first (`exited`
 * says why) or is not ready in time, kills it and throws with the tails of its logs.
 */
export async function waitReady({ brokers, p, pid, exited, readyTimeoutMs }) {
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

/** True when something accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
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
