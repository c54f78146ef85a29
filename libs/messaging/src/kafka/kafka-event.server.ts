import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { decodeWireMessage, EventEnvelope } from '@omni/contracts';
import { Span, SpanKind } from '@opentelemetry/api';
import { contextFromTraceparent, failSpan, inSpan, requestContext } from '@omni/platform';
import { Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { backoffDelay, pause } from '../retry';
import { deadLetterFor } from './dead-letter';
import { PermanentEventError } from './errors';
import { Metrics } from '@omni/platform';
import { consumeScope } from '../metrics/messaging-metrics';

export interface KafkaEventServerOptions {
  groupId: string;
  topics: string[];
  maxAttempts: number;
  retryBaseMs: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
  /** Events of one partition applied in one transaction when they arrive together (ADR 0012); 1: one each. */
  batchSize: number;
}

/** Runs work in one database transaction that the handlers' inbox calls join (`inOneTransaction`). */
export type SharedTransaction = (work: () => Promise<void>) => Promise<void>;

/** What a handler receives beside the envelope. */
export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/**
 * A NestJS custom transport over our own kafkajs consumer (ADR 0002). Handlers stay
 * `@EventPattern('<ce type>')` methods; validation, retries, dead letters and offset commits are ours:
 * - a message whose envelope or payload fails its schema goes to `<topic>.dlq` at once;
 * - a handler error is retried with backoff up to `maxAttempts`, then dead-lettered, so a poison
 *   message never blocks its partition;
 * - the offset is committed only after the handler resolved, i.e. after its database commit;
 * - if Kafka is down at start, the server keeps retrying in the background, and readiness says so;
 * - each handled event gets a consumer span, child of its `traceparent` header, covering all attempts;
 * - events of a partition fetched together are applied up to `batchSize` at a time in one database
 *   transaction (ADR 0012); if anything in it fails, it is rolled back and the same events are
 *   applied one by one, with the retries and dead letters above.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private readonly stopSignal = new AbortController();
  private loop?: Promise<void>;
  private joined = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly deadLetterProducer: Producer,
    private readonly options: KafkaEventServerOptions,
    private readonly metrics?: Metrics,
    private readonly sharedTransaction?: SharedTransaction,
  ) {
    super();
  }

  /** True once the consumer has joined its group and is fetching. */
  get isConsuming(): boolean {
    return this.joined;
  }

  listen(callback: () => void): void {
    // Start in the background: the HTTP side must come up (and report not-ready) while Kafka is down.
    this.loop ??= this.superviseConsumer();
    callback();
  }

  async close(): Promise<void> {
    this.stopSignal.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.loop;
    this.joined = false;
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
      });
      this.consumer = consumer;
      const crashed = new Promise<void>((resolve) => {
        consumer.on(consumer.events.GROUP_JOIN, (e) => {
          this.joined = true;
          failures = 0;
          this.logger.log?.({ event: 'consumer.joined', groupId: this.options.groupId, memberId: e.payload.memberId }, 'consumer joined its group');
        });
        consumer.on(consumer.events.CRASH, (e) => {
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
          // stopping halfway must leave the rest uncommitted.
          eachBatchAutoResolve: false,
          eachBatch: (p) => this.consumeBatch(p),
        });
        await Promise.race([crashed, new Promise((r) => this.stopSignal.signal.addEventListener('abort', r, { once: true }))]);
      } catch (e) {
        this.logger.warn?.({ err: (e as Error).message }, 'consumer could not start, retrying');
      }
      this.joined = false;
      if (this.stopSignal.signal.aborted) return;
      await consumer.disconnect().catch(() => undefined);
      failures++;
      await pause(backoffDelay(failures, 500, 10_000), this.stopSignal.signal);
    }
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const size = this.sharedTransaction ? this.options.batchSize : 1;
    const one = async (message: KafkaMessage) => {
      await this.consume({ topic, partition, message, heartbeat });
      resolveOffset(message.offset);
      await heartbeat();
    };
    const together = async (run: KafkaMessage[]): Promise<number | null> => {
      const failedAt = await this.consumeTogether(topic, partition, run);
      if (failedAt === null) resolveOffset(run[run.length - 1].offset);
      return failedAt;
    };
    // After a failed run the next events go one by one for a while: a stream of poison (events
    // for orders this service never saw, say) would otherwise cost every event a rolled-back try.
    let alone = 0;
    let i = 0;
    while (i < batch.messages.length) {
      if (!isRunning() || isStale()) return;
      const run = batch.messages.slice(i, i + (alone > 0 ? 1 : size));
      if (run.length === 1) {
        await one(run[0]);
        alone = Math.max(0, alone - 1);
        i += 1;
        continue;
      }
      const failedAt = await together(run);
      if (failedAt === null) {
        i += run.length;
      } else if (failedAt < 0) {
        // Nothing to blame on one event (a deadlock, a lost connection): each on its own.
        for (const message of run) {
          if (!isRunning() || isStale()) return;
          await one(message);
        }
        i += run.length;
        alone = size;
      } else {
        // The events before the failing one again together, then that one alone with its retries
        // and dead letter.
        const before = run.slice(0, failedAt);
        if (before.length > 1 && (await together(before)) !== null) for (const message of before) await one(message);
        else if (before.length === 1) await one(before[0]);
        if (!isRunning() || isStale()) return;
        await one(run[failedAt]);
        i += failedAt + 1;
        alone = size;
      }
      await heartbeat();
    }
  }

  /**
   * Applies a run of one partition's events in one transaction (ADR 0012): their effects, inbox
   * rows and outbox rows commit together. Anything failing — a handler, an event that fails its
   * schema, a deadlock — rolls the whole run back. Answers null when all were applied, else the
   * index of the event that failed (-1 when none is to blame, e.g. the commit failed).
   */
  private async consumeTogether(topic: string, partition: number, messages: KafkaMessage[]): Promise<number | null> {
    const outcomes: { type: string; outcome: 'applied' | 'duplicate' }[] = [];
    let current = -1;
    try {
      await this.sharedTransaction!(async () => {
        for (const [index, message] of messages.entries()) {
          current = index;
          const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers };
          const decoded = decodeWireMessage(raw);
          if (!decoded.ok) throw new Error(`event at offset ${message.offset} fails its schema`);
          const envelope = decoded.envelope;
          const handler = this.getHandlerByPattern(envelope.type);
          if (!handler) continue;
          const scope = { duplicate: false };
          await inSpan(`process ${topic}`, this.spanOptions(raw, envelope), contextFromTraceparent(envelope.traceparent), async (span) => {
            await consumeScope.run(scope, () => this.invoke(handler, envelope, { topic, partition, offset: message.offset, attempt: 1 }));
            span.setAttributes({ 'omni.consume.outcome': scope.duplicate ? 'duplicate' : 'applied', 'omni.consume.attempts': 1, 'omni.consume.batch_size': messages.length });
          });
          outcomes.push({ type: envelope.type, outcome: scope.duplicate ? 'duplicate' : 'applied' });
        }
        current = -1; // what fails now is the commit
      });
    } catch (e) {
      this.logger.log?.({ topic, partition, fromOffset: messages[0].offset, events: messages.length, failedAt: current, err: (e as Error).message }, 'shared run rolled back');
      return current;
    }
    for (const o of outcomes) this.metrics?.eventConsumed(topic, o.type, o.outcome);
    return null;
  }

  private spanOptions(raw: { topic: string; partition: number; offset: string }, envelope: EventEnvelope) {
    return {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': raw.topic,
        'messaging.destination.partition.id': String(raw.partition),
        'messaging.kafka.offset': Number(raw.offset),
        'messaging.consumer.group.name': this.options.groupId,
        'messaging.message.id': envelope.id,
        'cloudevents.event_type': envelope.type,
        correlation_id: envelope.correlationId,
      },
    };
  }

  private async consume({ topic, partition, message, heartbeat }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message' | 'heartbeat'>): Promise<void> {
    const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers };
    const decoded = decodeWireMessage(raw);
    if (!decoded.ok) return await this.deadLetter(raw, decoded.failure, 0);
    const envelope = decoded.envelope;
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return; // an event this service does not act on
    await inSpan(`process ${topic}`, this.spanOptions(raw, envelope), contextFromTraceparent(envelope.traceparent), (s) => this.consumeWithRetries(s, raw, envelope, handler, heartbeat));
  }

  private async consumeWithRetries(
    span: Span,
    raw: Parameters<typeof deadLetterFor>[0],
    envelope: EventEnvelope,
    handler: NonNullable<ReturnType<Server['getHandlerByPattern']>>,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { topic, partition, offset } = raw;
    for (let attempt = 1; ; attempt++) {
      try {
        const scope = { duplicate: false };
        await consumeScope.run(scope, () => this.invoke(handler, envelope, { topic, partition, offset, attempt }));
        const outcome = scope.duplicate ? 'duplicate' : 'applied';
        this.metrics?.eventConsumed(topic, envelope.type, outcome);
        span.setAttributes({ 'omni.consume.outcome': outcome, 'omni.consume.attempts': attempt });
        return;
      } catch (e) {
        const err = e as Error;
        const permanent = err instanceof PermanentEventError;
        const ctx = { eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationId, attempt };
        if (permanent || attempt >= this.options.maxAttempts || this.stopSignal.signal.aborted) {
          if (this.stopSignal.signal.aborted && !permanent) throw err; // leave it uncommitted for the next owner
          const code = permanent ? (err as PermanentEventError).code : 'HANDLER.FAILED';
          this.metrics?.eventConsumed(topic, envelope.type, 'dead_lettered');
          failSpan(span, err);
          span.setAttributes({ 'omni.consume.outcome': 'dead_lettered', 'omni.consume.attempts': attempt, 'omni.dead_letter.reason': code });
          return await this.deadLetter(raw, { code, detail: err.message }, attempt, ctx);
        }
        this.metrics?.eventConsumed(topic, envelope.type, 'retried');
        span.addEvent('retry', { attempt, 'exception.message': err.message });
        this.logger.warn?.({ ...ctx, err: err.message }, 'event handler failed, retrying');
        await heartbeat();
        await pause(backoffDelay(attempt, this.options.retryBaseMs, 30_000), this.stopSignal.signal);
      }
    }
  }

  private async invoke(handler: NonNullable<ReturnType<Server['getHandlerByPattern']>>, envelope: EventEnvelope, ctx: EventContext): Promise<void> {
    const context = { correlationId: envelope.correlationId, causationId: envelope.id };
    await requestContext.run(context, async () => {
      const result = await handler(envelope, ctx);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    });
  }

  private async deadLetter(
    raw: Parameters<typeof deadLetterFor>[0],
    reason: { code: string; detail: string },
    attempts: number,
    ctx: Record<string, unknown> = {},
  ): Promise<void> {
    const dl = deadLetterFor(raw, reason, this.options.groupId, attempts);
    await this.deadLetterProducer.connect(); // shared with the relay, which may be on standby
    await this.deadLetterProducer.send({ topic: dl.topic, messages: dl.messages, acks: -1 });
    this.metrics?.deadLettered(raw.topic, reason.code);
    this.logger.warn?.(
      { ...ctx, topic: raw.topic, partition: raw.partition, offset: raw.offset, reason: reason.code, detail: reason.detail },
      'event dead-lettered',
    );
  }
}
