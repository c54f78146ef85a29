import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { decodeWireMessage, EventEnvelope } from '@omni/contracts';
import { Span, SpanKind } from '@opentelemetry/api';
import { contextFromTraceparent, failSpan, inSpan, requestContext } from '@omni/platform';
import { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
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
}

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
 * - each handled event gets a consumer span, child of its `traceparent` header, covering all attempts.
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
        consumer.on(consumer.events.GROUP_JOIN, () => {
          this.joined = true;
          failures = 0;
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
          eachMessage: (p) => this.consume(p),
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

  private async consume({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers };
    const decoded = decodeWireMessage(raw);
    if (!decoded.ok) return await this.deadLetter(raw, decoded.failure, 0);
    const envelope = decoded.envelope;
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return; // an event this service does not act on

    const span = {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': this.options.groupId,
        'messaging.message.id': envelope.id,
        'cloudevents.event_type': envelope.type,
        correlation_id: envelope.correlationId,
      },
    };
    await inSpan(`process ${topic}`, span, contextFromTraceparent(envelope.traceparent), (s) => this.consumeWithRetries(s, raw, envelope, handler, heartbeat));
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
