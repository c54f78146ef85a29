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
      },
    });
    await hasJoined;
    return this;
  }

  /** Messages on `topic`, optionally only those with `key` and of CloudEvents type `type`. */
  on(topic: string, filter: { key?: string; type?: string } = {}): SeenMessage[] {
    return this.seen.filter(
      (m) => m.topic === topic && (filter.key === undefined || m.key === filter.key) && (filter.type === undefined || m.headers['ce_type'] === filter.type),
    );
  }

  async produce(topic: string, messages: { key: string; value: string | null; headers?: Record<string, string> }[]): Promise<void> {
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
