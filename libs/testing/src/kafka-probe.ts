import { Consumer, Kafka, KafkaMessage, logLevel, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { testInfra } from './env';

export interface SeenMessage {
  topic: string;
  partition: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function flatHeaders(m: KafkaMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

/**
 * Watches topics with its own consumer group from the start, so tests assert on what really
 * reached Kafka; it can also produce raw messages (redeliveries, poison) as another service would.
 */
export class KafkaProbe {
  readonly seen: SeenMessage[] = [];
  private readonly kafka = new Kafka({ clientId: 'test-probe', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;

  async watch(topics: string[]): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `probe-${randomUUID()}`, sessionTimeout: 6000 });
    let joined!: () => void;
    const hasJoined = new Promise<void>((r) => (joined = r));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => joined());
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.seen.push({ topic, partition, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers: flatHeaders(message) });
        this.positions.set(`${topic}/${partition}`, Number(message.offset) + 1);
      },
    });
    await hasJoined;
    await this.catchUp(topics);
    return this;
  }

  /** Next offset to read per `topic/partition`. */
  private readonly positions = new Map<string, number>();

  /**
   * Waits until the probe has read what the topics held when it joined. The topics keep every
   * earlier test file's events, and a probe still reading that backlog would see a test's own
   * events late on some partitions and early on others. Offsets are contiguous here (no
   * compaction, no transactions); if they were not, the wait ends at its deadline and the
   * tests' own waits still hold.
   */
  private async catchUp(topics: string[], timeoutMs = 60_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = (
        await Promise.all(
          topics.map(async (topic) =>
            (await admin.fetchTopicOffsets(topic)).map((p) => ({ key: `${topic}/${p.partition}`, low: Number(p.low), high: Number(p.high) })),
          ),
        )
      ).flat();
      const behind = () => ends.filter((e) => e.high > e.low && (this.positions.get(e.key) ?? 0) < e.high);
      const deadline = Date.now() + timeoutMs;
      while (behind().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages on `topic`, optionally only those with `key` and of CloudEvents type `type`. */
  on(topic: string, filter: { key?: string; type?: string } = {}): SeenMessage[] {
    return this.seen.filter(
      (m) => m.topic === topic && (filter.key === undefined || m.key === filter.key) && (filter.type === undefined || m.headers['ce_type'] === filter.type),
    );
  }

  async produce(topic: string, messages: { key: string; value: string | null; headers?: Record<string, string>; partition?: number }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({ topic, messages, acks: -1 });
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}
