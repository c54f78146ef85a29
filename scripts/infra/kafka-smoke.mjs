// Smoke test: kafkajs against the pinned real Kafka broker (tools/kafka/pom.xml).
// Starts a throw-away broker on 19192/19193, creates a 3-partition topic, sends keyed
// messages with an idempotent producer, reads them back with a consumer group and checks
// that nothing is lost or duplicated, keys survive, and per-key order holds.
//
//   node scripts/infra/kafka-smoke.mjs        exit 0 = OK, 1 = failure (message on stderr)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kafkajs from '../lib/kafkajs.mjs';
import { createTopics, startKafka } from './kafka.mjs';

const { Kafka, Partitioners, logLevel } = kafkajs;

const PORT = 19192;
const CONTROLLER_PORT = 19193;
const TOPIC = 'smoke.events';
const KEYS = ['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6'];
const PER_KEY = 10;
const TIMEOUT_MS = 60000;

const ms = (t0) => `${Date.now() - t0} ms`;

async function smoke(brokers) {
  let t0 = Date.now();
  const created = await createTopics({ brokers, topics: [{ name: TOPIC, partitions: 3 }] });
  // Second call must be a no-op (idempotent).
  const again = await createTopics({ brokers, topics: [{ name: TOPIC, partitions: 3 }] });
  if (created.length !== 1 || again.length !== 0) throw new Error(`createTopics not idempotent: ${created} / ${again}`);
  console.log(`smoke: topic ${TOPIC} (3 partitions) ready in ${ms(t0)}`);

  // kafkajs logs retriable errors at ERROR level (right after a fresh start: "coordinator is
  // loading" for the first InitProducerId, "group coordinator not available" while
  // __consumer_offsets is created). It retries them; real failures are thrown, so silence it.
  const kafka = new Kafka({ clientId: 'kafka-smoke', brokers: [brokers], logLevel: logLevel.NOTHING });

  // Several sends, interleaving keys, so per-key order spans batches.
  t0 = Date.now();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner, // also silences kafkajs' v2 partitioner warning
  });
  await producer.connect();
  for (let seq = 0; seq < PER_KEY; seq++) {
    await producer.send({
      topic: TOPIC,
      acks: -1,
      messages: KEYS.map((key) => ({ key, value: JSON.stringify({ key, seq }) })),
    });
  }
  await producer.disconnect();
  const total = KEYS.length * PER_KEY;
  console.log(`smoke: produced ${total} messages (${KEYS.length} keys x ${PER_KEY}) idempotently in ${ms(t0)}`);

  t0 = Date.now();
  const consumer = kafka.consumer({ groupId: `kafka-smoke-${process.pid}-${Date.now()}` });
  const got = []; // { key, value, partition }
  let done;
  const allIn = new Promise((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      got.push({ key: message.key?.toString(), value: JSON.parse(message.value.toString()), partition });
      if (got.length >= total) done();
    },
  });
  const timer = setTimeout(done, TIMEOUT_MS);
  await allIn;
  clearTimeout(timer);
  await consumer.disconnect();
  console.log(`smoke: consumed ${got.length} messages with a consumer group in ${ms(t0)}`);

  // Checks.
  const problems = [];
  if (got.length !== total) problems.push(`expected ${total} messages, got ${got.length}`);
  const partitionsUsed = new Set();
  for (const key of KEYS) {
    const mine = got.filter((m) => m.value.key === key);
    const badKey = mine.filter((m) => m.key !== key);
    if (badKey.length) problems.push(`${key}: ${badKey.length} message(s) arrived with key ${badKey[0].key}`);
    const seqs = mine.map((m) => m.value.seq);
    const want = [...Array(PER_KEY).keys()];
    if (seqs.join() !== want.join()) problems.push(`${key}: order/duplicates wrong: got seq [${seqs}]`);
    const parts = new Set(mine.map((m) => m.partition));
    if (parts.size !== 1) problems.push(`${key}: spread over partitions ${[...parts]}`);
    parts.forEach((x) => partitionsUsed.add(x));
  }
  if (problems.length) throw new Error(`smoke FAILED:\n  ${problems.join('\n  ')}`);
  console.log(`smoke: OK: all keys kept, per-key order held, no duplicates, partitions used: ${[...partitionsUsed].sort()}`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-smoke-'));
let broker;
let failed = false;
try {
  const t0 = Date.now();
  broker = await startKafka({ port: PORT, controllerPort: CONTROLLER_PORT, dataDir });
  console.log(`smoke: broker ${broker.brokers} (pid ${broker.pid}) ready in ${ms(t0)}`);
  await smoke(broker.brokers);
} catch (e) {
  failed = true;
  console.error(e.stack ?? e.message);
} finally {
  if (broker) {
    const t0 = Date.now();
    await broker.stop().catch((e) => ((failed = true), console.error(`smoke: stopping the broker failed: ${e.message}`)));
    console.log(`smoke: broker stopped in ${ms(t0)}`);
  }
  if (!failed) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.error(`smoke: broker files kept in ${dataDir}`);
}
process.exit(failed ? 1 : 0);
