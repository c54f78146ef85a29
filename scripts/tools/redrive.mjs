// Dead-letter re-drive (docs/adr/0006-dead-letter-redrive.md, docs/operations/dead-letters-and-rebuilds.md): reads `<topic>.dlq`,
// takes the messages parked by one service's consumer group (header dlq-consumer), and republishes
// each to its original topic with its original key, value and headers — dlq-* headers removed, a
// `redriven-from` header added. Progress is committed under the consumer group `redrive.<service>`,
// so a message is re-driven once; one that fails again is parked again (and can be re-driven again).
//
//   node scripts/tools/redrive.mjs --brokers localhost:19092 --service inventory --topic order.events.v1 [--limit 100] [--dry-run]
//
// --dry-run prints what would be re-driven and commits nothing. Prints one JSON line per message
// and a summary line; exit 0 when done, 1 on a usage or Kafka error.
import { Kafka, logLevel, Partitioners } from '../lib/kafkajs.mjs';
import { parseArgs } from 'node:util';

/** Headers of the re-driven copy: the original ones, without ours, plus where it came from. */
export function redrivenHeaders(headers, from) {
  const out = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.startsWith('dlq-') || k === 'redriven-from' || v === undefined) continue;
    out[k] = Array.isArray(v) ? v[0] : v;
  }
  out['redriven-from'] = from;
  return out;
}

const str = (v) => (v === undefined ? undefined : Buffer.isBuffer(v) ? v.toString('utf8') : Array.isArray(v) ? str(v[0]) : String(v));

export async function redrive({ brokers, service, topic, limit = Infinity, dryRun = false, log = (o) => console.log(JSON.stringify(o)) }) {
  const dlq = `${topic}.dlq`;
  const kafka = new Kafka({ clientId: `redrive-${service}`, brokers, logLevel: logLevel.NOTHING });
  const groupId = `redrive.${service}`;
  const admin = kafka.admin();
  await admin.connect();
  // What is there now: messages parked later wait for the next run, so a loop never chases itself.
  const ends = await admin.fetchTopicOffsets(dlq);
  const committed = (await admin.fetchOffsets({ groupId, topics: [dlq] }))[0]?.partitions ?? [];
  await admin.disconnect();
  const remaining = new Map();
  for (const e of ends) {
    const c = Number(committed.find((p) => p.partition === e.partition)?.offset ?? -1);
    const from = c < 0 ? Number(e.low) : c;
    if (from < Number(e.high)) remaining.set(e.partition, Number(e.high));
  }
  const summary = { topic, dlq, service, dryRun, redriven: 0, skippedOtherConsumer: 0 };
  if (remaining.size === 0) {
    log({ summary });
    return summary;
  }

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: dryRun ? `${groupId}.dry-run.${process.pid}.${Date.now()}` : groupId, allowAutoTopicCreation: false });
  await producer.connect();
  await consumer.connect();
  let finish;
  const finished = new Promise((r) => (finish = r));
  let stopped = false;
  try {
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const end = remaining.get(partition);
        if (stopped || end === undefined || Number(message.offset) >= end) return;
        const headers = message.headers ?? {};
        const target = str(headers['dlq-original-topic']) ?? topic;
        const parkedBy = str(headers['dlq-consumer']);
        const from = `${dlq}/${partition}/${message.offset}`;
        const entry = {
          from,
          key: message.key?.toString() ?? null,
          type: str(headers['ce_type']),
          id: str(headers['ce_id']),
          reason: str(headers['dlq-reason-code']),
          parkedBy,
        };
        if (parkedBy !== service || target !== topic) {
          summary.skippedOtherConsumer++;
        } else if (summary.redriven >= limit) {
          stopped = true;
          return finish();
        } else {
          if (!dryRun) {
            await producer.send({ topic: target, acks: -1, messages: [{ key: message.key, value: message.value, headers: redrivenHeaders(headers, from) }] });
          }
          summary.redriven++;
          log({ redriven: !dryRun, ...entry });
        }
        // Committed after the republish: a crash in between re-drives it again, and the inbox of
        // the consumer that applies it makes that harmless.
        if (!dryRun) await consumer.commitOffsets([{ topic: dlq, partition, offset: String(Number(message.offset) + 1) }]);
        if (Number(message.offset) + 1 >= end) remaining.delete(partition);
        if (remaining.size === 0) finish();
      },
    });
    await finished;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
  log({ summary });
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS },
      service: { type: 'string' },
      topic: { type: 'string' },
      limit: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.brokers || !values.service || !values.topic) {
    console.error('usage: redrive.mjs --brokers host:port --service <consumer group> --topic <original topic> [--limit N] [--dry-run]');
    process.exit(1);
  }
  redrive({
    brokers: values.brokers.split(','),
    service: values.service,
    topic: values.topic,
    limit: values.limit ? Number(values.limit) : Infinity,
    dryRun: values['dry-run'],
  })
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(JSON.stringify({ error: e.message }));
      process.exit(1);
    });
}
