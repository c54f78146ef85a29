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
