import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Metrics } from '@omni/platform';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { backoffDelay, pause } from '../retry';
import { EventApplier, Handler } from './event-applier';
import { OffsetCommitter } from './offset-committer';
import { ConsumerStatus, ConsumerTransactions, KafkaEventServerOptions } from './kafka-event.types';

export * from './kafka-event.types';

/**
 * A NestJS custom transport over our own kafkajs consumer (ADR 0002). Handlers stay
 * `@EventPattern('<ce type>')` methods; validation, retries, dead letters and offset commits are ours:
 * - a message whose envelope or payload fails its schema goes to `<topic>.dlq` at once;
 * - a handler error is retried with backoff up to `maxAttempts`, then dead-lettered, so a poison
 *   message never blocks its partition;
 * - the offset is committed only after the handler resolved, i.e. after its database commit, at most
 *   once per `commitIntervalMs` and when the consumer stops (offset-committer.ts);
 * - if Kafka is down at start, the server keeps retrying in the background, and readiness says so;
 * - each handled event gets a consumer span, child of its `traceparent` header, covering all attempts;
 * - events of a partition fetched together are applied up to `batchSize` at a time in one database
 *   transaction (ADR 0012); if anything in it fails, it is rolled back and the same events are
 *   applied one by one, with the retries and dead letters above.
 *
 * This class keeps the consumer in its group (start, restarts, readiness, stop); `EventApplier`
 * (event-applier.ts) applies what it fetches.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private readonly stopSignal = new AbortController();
  private readonly stopped = new Promise<void>((resolve) => this.stopSignal.signal.addEventListener('abort', () => resolve(), { once: true }));
  private loop?: Promise<void>;
  private joined = false;
  private consumerState: ConsumerStatus = { state: 'starting', since: Date.now(), reason: 'connecting to Kafka' };
  private readonly applier: EventApplier;
  /**
   * Handlers by event type, looked up once per type: Nest's `getHandlerByPattern` first tries the
   * type as JSON, and the SyntaxError it throws and catches for every plain type cost up to 8 % of a
   * consumer's CPU (ADR 0016, fifteenth round). Handlers are all registered before `listen`.
   */
  private readonly handlerCache = new Map<string, Handler | null>();

  constructor(
    private readonly kafka: Kafka,
    deadLetterProducer: Producer,
    private readonly options: KafkaEventServerOptions,
    private readonly metrics?: Metrics,
    transactions?: ConsumerTransactions,
  ) {
    super();
    this.applier = new EventApplier(
      options,
      (pattern) => this.handlerFor(pattern),
      deadLetterProducer,
      this.stopSignal.signal,
      this.logger,
      metrics,
      transactions,
    );
  }

  /** The handler of a pattern (an event type or its batch pattern; both come from the catalogue, so the cache is bounded). */
  private handlerFor(pattern: string): Handler | null {
    let handler = this.handlerCache.get(pattern);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(pattern);
      this.handlerCache.set(pattern, handler);
    }
    return handler;
  }

  /** True once the consumer has joined its group and is fetching. */
  get isConsuming(): boolean {
    return this.joined;
  }

  /** Where the consumer is, since when and, while it is not consuming, why (readiness reports it). */
  get consumerStatus(): ConsumerStatus {
    return this.consumerState;
  }

  private setStatus(state: ConsumerStatus['state'], reason?: string): void {
    if (this.consumerState.state === state && this.consumerState.reason === reason) return;
    this.consumerState = { state, since: Date.now(), ...(reason ? { reason } : {}) };
  }

  listen(callback: () => void): void {
    // Start in the background: the HTTP side must come up (and report not-ready) while Kafka is down.
    this.loop ??= this.superviseConsumer();
    callback();
  }

  async close(): Promise<void> {
    this.stopSignal.abort();
    // The supervising loop commits what was applied and leaves the group. Should the broker not
    // answer, stop anyway: offsets not committed only bring events again, which the inbox skips.
    const limit = this.options.sessionTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limit)));
    if ((await Promise.race([this.loop, late])) === 'late')
      this.logger.warn?.({ waitedMs: limit }, 'consumer did not leave its group in time; stopping without it');
    clearTimeout(timer);
    this.joined = false;
    this.setStatus('stopped', 'the service is stopping');
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async superviseConsumer(): Promise<void> {
    let failures = 0;
    while (!this.stopSignal.signal.aborted) {
      const consumer = this.kafka.consumer({
        groupId: this.options.groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 10),
        minBytes: this.options.fetch?.minBytes ?? 1,
        maxWaitTimeInMs: this.options.fetch?.maxWaitMs ?? 5000,
        // kafkajs restarts a crashed consumer by itself; not once this server is stopping, or a
        // crash during disconnect (a connection the broker closed) brings the consumer back.
        retry: { restartOnFailure: async () => !this.stopSignal.signal.aborted },
      });
      this.consumer = consumer;
      const interval = this.options.commitIntervalMs ?? 0;
      const committer = new OffsetCommitter(interval, (e) =>
        this.logger.warn?.({ err: (e as Error).message }, 'offsets not committed; their events come again'),
      );
      const metrics = this.metrics;
      if (metrics) consumer.on(consumer.events.REQUEST, (e) => metrics.kafkaRequest('consumer', e.payload.apiName));
      const crashed = new Promise<void>((resolve) => {
        consumer.on(consumer.events.CONNECT, () =>
          this.setStatus(
            'joining',
            `waiting for group ${this.options.groupId} to rebalance; a member that was killed without leaving holds it until its session expires (${this.options.sessionTimeoutMs} ms)`,
          ),
        );
        consumer.on(consumer.events.REBALANCING, () => {
          this.setStatus('joining', `group ${this.options.groupId} is rebalancing`);
          // What is applied goes to the broker before the partitions may move to another member.
          void committer.commit(true);
        });
        consumer.on(consumer.events.GROUP_JOIN, (e) => {
          this.setStatus('joined');
          this.joined = true;
          failures = 0;
          this.logger.log?.({ event: 'consumer.joined', groupId: this.options.groupId, memberId: e.payload.memberId }, 'consumer joined its group');
        });
        consumer.on(consumer.events.CRASH, (e) => {
          this.setStatus('restarting', `consumer crashed: ${e.payload.error?.message ?? 'unknown error'}`);
          this.joined = false;
          this.logger.warn?.({ err: e.payload.error?.message, restart: e.payload.restart }, 'consumer crashed');
          if (!e.payload.restart) resolve();
        });
        consumer.on(consumer.events.STOP, () => (this.joined = false));
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
        await consumer.run({
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
          // Offsets are resolved here as events are applied, never for a whole batch at once:
          // stopping halfway must leave the rest uncommitted. The committer commits them.
          eachBatchAutoResolve: false,
          autoCommit: interval === 0,
          eachBatch: async (p) => {
            await this.applier.consumeBatch(p);
            if (interval > 0) await committer.afterBatch(p, this.stopSignal.signal.aborted);
          },
        });
        committer.start();
        // A stop that came while the consumer was starting has fired already: `stopped` remembers it.
        await Promise.race([crashed, this.stopped]);
        // Stopping: what is applied is committed before the group is left (a batch still running commits at its end).
        if (this.stopSignal.signal.aborted) await committer.commit(true);
      } catch (e) {
        if (!this.stopSignal.signal.aborted) this.logger.warn?.({ err: (e as Error).message }, 'consumer could not start, retrying');
        this.setStatus('restarting', `consumer could not start: ${(e as Error).message}`);
      }
      this.joined = false;
      await consumer.disconnect().catch(() => undefined);
      committer.stop();
      if (this.stopSignal.signal.aborted) return;
      failures++;
      await pause(backoffDelay(failures, 500, 10_000), this.stopSignal.signal);
    }
  }
}
