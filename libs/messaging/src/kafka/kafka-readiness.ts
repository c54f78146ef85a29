import { ReadinessCheck, withTimeout } from '@omni/platform';
import { Admin, Kafka } from 'kafkajs';
import { OutboxRelay } from '../outbox/outbox.relay';
import { KafkaEventServer } from './kafka-event.server';

/** Ready when the broker answers, the relay leads or stands by, and the consumer has joined its group. */
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';
  private admin: Admin | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    private readonly server: KafkaEventServer | null,
  ) {}

  async probe(): Promise<Record<string, unknown>> {
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    try {
      await withTimeout(this.admin.connect().then(() => this.admin!.describeCluster()), 2000, 'Kafka');
    } catch (e) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = null;
      throw e;
    }
    if (this.relay.role !== 'leader' && this.relay.role !== 'standby') throw new Error(`outbox relay is ${this.relay.role}`);
    if (this.server && !this.server.isConsuming) throw new Error('consumer has not joined its group yet');
    return { relay: this.relay.role, consuming: this.server?.isConsuming ?? false };
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
