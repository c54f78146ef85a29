import { BeforeApplicationShutdown, DynamicModule, Global, INestApplication, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { InboxProcessor, inOneTransaction, inOptimisticTransaction } from './inbox/inbox';
import { createKafka } from './kafka/kafka-client';
import { KafkaEventServer } from './kafka/kafka-event.server';
import { KafkaReadiness } from './kafka/kafka-readiness';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxCommitSubscriber } from './outbox/outbox-commit.subscriber';
import { RelaySignal } from './outbox/relay-signal';
import { Metrics } from '@omni/platform';
import { ConsumerLagReader } from './metrics/consumer-lag';
import { registerMessagingGauges } from './metrics/messaging-metrics';

export interface MessagingOptions {
  /** Service name: CloudEvents source, consumer group, inbox consumer name. */
  service: string;
  brokers: string[];
  databaseUrl: string;
  /** Topics this service consumes; empty for a service that only publishes. */
  consumes: string[];
  outbox: { pollIntervalMs: number; batchSize: number; lingerMs?: number; vacuumAfterRows?: number };
  consumer: {
    maxAttempts: number;
    retryBaseMs: number;
    partitionsConsumedConcurrently: number;
    sessionTimeoutMs: number;
    batchSize: number;
    fetch?: { maxWaitMs: number; minBytes: number };
    commitIntervalMs?: number;
  };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
const RELAY_PRODUCER = Symbol('RELAY_PRODUCER');

/** Starts the relay with the app and stops things in order: consumer, then relay flush, then producers. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  constructor(
    private readonly relay: OutboxRelay,
    private readonly server: KafkaEventServer,
    private readonly readiness: KafkaReadiness,
    @Inject(RELAY_PRODUCER) private readonly producer: Producer,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log({ signal }, 'stopping: consumer, relay, producer');
    await this.server.close();
    await this.relay.stop();
    await this.readiness.close();
    await this.producer.disconnect().catch(() => undefined);
    this.logger.log({ signal, event: 'messaging.stopped' }, 'stopped: consumer closed, outbox flushed, producer disconnected');
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: Metrics, useValue: new Metrics(options.service) },
        { provide: KAFKA, useFactory: () => createKafka(options.service, options.brokers) },
        {
          provide: RELAY_PRODUCER,
          inject: [KAFKA, Metrics],
          // Idempotent producer: a retried send inside kafkajs never duplicates or reorders (ADR 0003).
          useFactory: (kafka: Kafka, metrics: Metrics) => {
            const producer = kafka.producer({
              idempotent: true,
              maxInFlightRequests: 1,
              allowAutoTopicCreation: false,
              createPartitioner: Partitioners.DefaultPartitioner,
            });
            producer.on(producer.events.REQUEST, (e) => metrics.kafkaRequest('producer', e.payload.apiName));
            return producer;
          },
        },
        {
          provide: RelaySignal,
          inject: [DataSource],
          useFactory: (ds: DataSource) => {
            const signal = new RelaySignal();
            ds.subscribers.push(new OutboxCommitSubscriber(signal));
            return signal;
          },
        },
        {
          provide: OutboxRelay,
          inject: [RELAY_PRODUCER, Metrics, RelaySignal],
          useFactory: (producer: Producer, metrics: Metrics, signal: RelaySignal) =>
            new OutboxRelay(producer, { databaseUrl: options.databaseUrl, ...options.outbox }, metrics, signal),
        },
        { provide: OutboxWriter, inject: [RelaySignal], useFactory: (signal: RelaySignal) => new OutboxWriter(`/${options.service}`, signal) },
        {
          provide: KafkaEventServer,
          inject: [KAFKA, RELAY_PRODUCER, Metrics, DataSource],
          useFactory: (kafka: Kafka, producer: Producer, metrics: Metrics, ds: DataSource) =>
            new KafkaEventServer(kafka, producer, { groupId: options.service, topics: options.consumes, ...options.consumer }, metrics, {
              shared: (work) => inOneTransaction(ds, work),
              optimistic: (work) => inOptimisticTransaction(ds, work),
              run: (work) => ds.transaction(work),
            }),
        },
        {
          provide: InboxProcessor,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new InboxProcessor(ds, options.service),
        },
        {
          provide: KafkaReadiness,
          inject: [KAFKA, OutboxRelay, KafkaEventServer],
          useFactory: (kafka: Kafka, relay: OutboxRelay, server: KafkaEventServer) =>
            new KafkaReadiness(kafka, relay, options.consumes.length > 0 ? server : null),
        },
        MessagingLifecycle,
        {
          provide: ConsumerLagReader,
          inject: [KAFKA, Metrics, DataSource],
          useFactory: (kafka: Kafka, metrics: Metrics, ds: DataSource) => {
            const lag = new ConsumerLagReader(kafka, options.service, options.consumes);
            registerMessagingGauges(metrics, ds, lag);
            return lag;
          },
        },
      ],
      exports: [Metrics, OutboxWriter, InboxProcessor, KafkaReadiness, KafkaEventServer, OutboxRelay, RelaySignal, KAFKA, MESSAGING_OPTIONS],
    };
  }
}

/** Attaches the Kafka consumer as the app's event transport; `@EventPattern` handlers then receive events. */
export async function startEventConsumer(app: INestApplication): Promise<void> {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  if (options.consumes.length === 0) return;
  // Inherits the app's filter, which hands handler errors back unchanged (see ProblemFilter).
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
