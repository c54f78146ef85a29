import { Kafka } from 'kafkajs';
import { withTimeout } from '@omni/platform';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Lag per partition: the log end offset minus the group's committed offset. A partition the group
 * never committed on (`-1`) lags by everything still in the log (high − low).
 */
export function computeLag(
  topic: string,
  ends: readonly { partition: number; high: string; low: string }[],
  committed: readonly { partition: number; offset: string }[],
): PartitionLag[] {
  const byPartition = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return ends.map((e) => {
    const high = Number(e.high);
    const c = byPartition.get(e.partition) ?? -1;
    const from = c < 0 ? Number(e.low) : c;
    return { topic, partition: e.partition, lag: Math.max(0, high - from) };
  });
}

/** Consumer lag of one group, fetched through the admin API with a timeout and cached briefly so scrapes stay cheap. */
export class ConsumerLagReader {
  private cache: { at: number; value: PartitionLag[] } | null = null;
  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly options = { timeoutMs: 2000, cacheMs: 5000 },
  ) {}

  /** Never rejects: on timeout or error it answers the last known value (or nothing). */
  async read(now = Date.now()): Promise<PartitionLag[]> {
    if (this.topics.length === 0) return [];
    if (this.cache && now - this.cache.at < this.options.cacheMs) return this.cache.value;
    const admin = this.kafka.admin();
    try {
      const value = await withTimeout(
        (async () => {
          await admin.connect();
          const groups = await admin.fetchOffsets({ groupId: this.groupId, topics: [...this.topics] });
          const out: PartitionLag[] = [];
          for (const topic of this.topics) {
            const ends = await admin.fetchTopicOffsets(topic);
            out.push(...computeLag(topic, ends, groups.find((g) => g.topic === topic)?.partitions ?? []));
          }
          return out;
        })(),
        this.options.timeoutMs,
        'Kafka admin (consumer lag)',
      );
      this.cache = { at: now, value };
      return value;
    } catch {
      return this.cache?.value ?? [];
    } finally {
      void admin.disconnect().catch(() => undefined);
    }
  }
}
