import { ReadinessCheck, withTimeout } from '@omni/platform';
import { Admin, Kafka } from 'kafkajs';
import { OutboxRelay } from '../outbox/outbox.relay';
import { ConsumerStatus, KafkaEventServer } from './kafka-event.server';

/** The consumer as readiness shows it: its state, for how long, and why while it is not `joined`. */
export function consumerDetail(status: ConsumerStatus, now: number): Record<string, unknown> {
  return { state: status.state, forMs: Math.max(0, now - status.since), ...(status.reason ? { reason: status.reason } : {}) };
}

/**
 * Ready when the broker answers and the relay leads or stands by (it is connected to its
 * database). Whether the consumer has joined its group yet is reported, not required: the HTTP
 * API serves without it, and after a predecessor was killed (SIGKILL) the group keeps waiting for
 * the dead member until its session times out (CONSUMER_SESSION_TIMEOUT_MS) — consumption is
 * late by that much, requests need not be (docs/operations/scaling-and-recovery.md#readiness-and-liveness).
 */
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
      await withTimeout(
        this.admin.connect().then(() => this.admin!.describeCluster()),
        2000,
        'Kafka',
      );
    } catch (e) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = null;
      throw e;
    }
    if (this.relay.role !== 'leader' && this.relay.role !== 'standby') throw new Error(`outbox relay is ${this.relay.role}`);
    return { relay: this.relay.role, consumer: this.server ? consumerDetail(this.server.consumerStatus, Date.now()) : { state: 'none' } };
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
