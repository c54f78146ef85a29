// kafkajs for the scripts (stand-ins, benchmark, infrastructure), with the fix of its 1 ms
// polling loop applied (scripts/lib/kafkajs-fix.cjs).
import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';

createRequire(import.meta.url)('./kafkajs-fix.cjs');

export default kafkajs;
export const { Kafka, logLevel, Partitioners } = kafkajs;

/**
 * Commits, for a consumer group about to start, the present end of every partition of `topics`,
 * so that it reads exactly what is published from now on. A new group has no committed offsets,
 * and kafkajs starts a partition without one at its end each time it is assigned: after a broker
 * restart or a rebalance, whatever was published in between would be skipped.
 */
export async function startGroupAtEnd(kafka, groupId, topics) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high }));
      await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Runs a consumer of `groupId` on `topics` until `stop()`, made again whenever it stops for good.
 * kafkajs restarts a consumer that crashes on a retriable error by itself; one that crashes on any
 * other (a broker killed and restarted under it can cause one) is left disconnected, and would
 * miss everything published after. The new consumer resumes from the group's committed offsets.
 * `onCrash` hears each crash (its error, and whether kafkajs restarts the consumer itself).
 * Resolves once the first consumer runs; `joined` resolves when one has first joined its group.
 */
export async function superviseConsumer(kafka, { groupId, topics, fromBeginning = false, config = {}, run, onCrash = () => undefined }) {
  let stopped = false;
  let current;
  let firstJoin;
  const joined = new Promise((resolve) => (firstJoin = resolve));
  const start = async () => {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 30 }, ...config });
    current = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => firstJoin());
    consumer.on(consumer.events.CRASH, (e) => {
      onCrash(e.payload.error, e.payload.restart);
      if (!e.payload.restart && !stopped && consumer === current) void startAgain(consumer);
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    await consumer.run(run);
  };
  const startAgain = async (crashed) => {
    await crashed.disconnect().catch(() => undefined);
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await start();
        if (stopped) await current.disconnect().catch(() => undefined);
        return;
      } catch {
        await current.disconnect().catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.min(200 * attempt, 2000)));
      }
    }
  };
  await start();
  return {
    joined,
    stop: async () => {
      stopped = true;
      await current.disconnect().catch(() => undefined);
    },
  };
}
