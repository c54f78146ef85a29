// The dead-letter topics of a chaos run: where they stood before the load, and what was parked
// in them since — the poison the run injected, each with its reason, and anything else.
import { Kafka, logLevel } from '../lib/kafkajs.mjs';
import { sleep } from './run-context.mjs';

/** Where each partition of each dead-letter topic ends: the broker keeps its topics from run to run. */
export async function deadLetterEnds({ stack }) {
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

/**
 * The dead letters written since `from` (deadLetterEnds before the load): the injected poison
 * (its keys `poisonKeys`, each parked with a reason) and anything else.
 */
export async function deadLetters(ctx, from, poisonKeys) {
  const { stack, run } = ctx;
  const ends = await deadLetterEnds(ctx);
  const since = (key) => from.get(key) ?? 0;
  const expected = [...ends].reduce((n, [key, high]) => n + high - since(key), 0);
  const parked = [];
  if (expected > 0) {
    const topics = [...new Set([...ends.keys()].map((key) => key.split('/')[0]))];
    const consumer = new Kafka({ clientId: 'chaos-dlq', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).consumer({
      groupId: `chaos-dlq-${run}`,
      maxWaitTimeInMs: 100,
    });
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
