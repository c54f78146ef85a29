import { AsyncResource } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';
import { Server } from '@nestjs/microservices';
import { decodeWireMessage, DecodeResult, EventEnvelope } from '@omni/contracts';
import { ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextFromTraceparent, failpoint, inSpan, Metrics, requestContext, traceparentOf, tracer } from '@omni/platform';
import { EachBatchPayload, EachMessagePayload, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { deadLetterFor } from './dead-letter';
import { EventRetrier } from './event-retrier';
import { consumeScope } from '../metrics/messaging-metrics';
import { batchHandlerOf, batchPatternOf, EventRun } from '../batch/event-batch';
import { claimInboxMany } from '../inbox/inbox';
import { consumedTraces } from '../outbox/outbox.writer';
import { ConsumerTransactions, EventContext, KafkaEventServerOptions } from './kafka-event.types';

/**
 * The most events one batch run applies: bounds how long its transaction holds its rows (a request
 * touching them waits that long) and how much a rolled-back run has to apply again one by one.
 */
const MAX_RUN = 250;

export type Handler = NonNullable<ReturnType<Server['getHandlerByPattern']>>;

/** A consumed message with what the consumer decided about it before applying anything. */
interface Item {
  readonly message: KafkaMessage;
  readonly raw: { topic: string; partition: number; offset: string; key: Buffer | null; value: Buffer | null; headers: KafkaMessage['headers'] };
  readonly decoded: DecodeResult;
  /** The batch handler of its type, if any. */
  readonly batch: Handler | null;
  /** The per-event handler of its type, if any. */
  readonly single: Handler | null;
}

/**
 * How the consumer applies what it fetched (ADR 0002, 0012, docs/adr/0016-throughput.md): one
 * partition's batch at a time, in order — runs for batch handlers, shared transactions or one
 * event at a time for per-event handlers, retries with backoff, dead letters — resolving each
 * offset only once its event is applied. `KafkaEventServer` owns the consumer group around it.
 */
export class EventApplier {
  /** Retries and dead letters (event-retrier.ts). */
  private readonly retrier: EventRetrier;

  constructor(
    private readonly options: KafkaEventServerOptions,
    private readonly handlerOf: (pattern: string) => Handler | null,
    deadLetterProducer: Producer,
    /** Aborted when the service stops: an event failing then is left uncommitted for the next owner. */
    stopSignal: AbortSignal,
    private readonly logger: LoggerService,
    private readonly metrics?: Metrics,
    private readonly transactions?: ConsumerTransactions,
  ) {
    this.retrier = new EventRetrier(options, deadLetterProducer, stopSignal, logger, metrics);
  }

  private item(topic: string, partition: number, message: KafkaMessage): Item {
    const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers };
    const decoded = decodeWireMessage(raw);
    if (!decoded.ok) return { message, raw, decoded, batch: null, single: null };
    const type = decoded.envelope.type;
    return { message, raw, decoded, batch: this.handlerOf(batchPatternOf(type)), single: this.handlerOf(type) };
  }

  /**
   * One partition's fetched messages, in order: events a batch handler takes are applied in runs
   * (one transaction, set-based, docs/adr/0016-throughput.md); events with per-event handlers one by
   * one or in shared transactions (ADR 0012); events this service does not act on are skipped
   * without a transaction; poison goes to the dead-letter topic. Offsets are resolved as events are
   * applied, never for a whole batch at once: stopping halfway leaves the rest uncommitted.
   */
  async consumeBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const items = batch.messages.map((m) => this.item(topic, partition, m));
    const size = this.transactions ? this.options.batchSize : 1;
    let i = 0;
    while (i < items.length) {
      if (!isRunning() || isStale()) return;
      const item = items[i];
      if (!item.decoded.ok) {
        await this.retrier.deadLetter(item.raw, item.decoded.failure, 0);
        resolveOffset(item.message.offset);
        i++;
        continue;
      }
      if (item.batch && this.transactions) {
        // Events with no handler here may sit inside a run: they are skipped, not breaking it up.
        let j = i + 1;
        const method = batchHandlerOf(item.batch);
        const sameMethod = (x: Item) => x.batch !== null && batchHandlerOf(x.batch) === method;
        while (j < items.length && j - i < MAX_RUN && items[j].decoded.ok && (sameMethod(items[j]) || (!items[j].batch && !items[j].single))) j++;
        await this.applyRun(topic, partition, items.slice(i, j), item.batch, heartbeat);
        failpoint('consumer.after-commit');
        resolveOffset(items[j - 1].message.offset);
        await heartbeat();
        i = j;
        continue;
      }
      if (!item.single) {
        resolveOffset(item.message.offset); // an event this service does not act on
        i++;
        continue;
      }
      // Per-event handlers: up to `size` consecutive ones share a transaction (ADR 0012).
      let j = i + 1;
      while (j < items.length && j - i < size && items[j].decoded.ok && items[j].single && !items[j].batch) j++;
      await this.consumeSingles(items.slice(i, j), resolveOffset, heartbeat, isRunning, isStale);
      i = j;
      await heartbeat();
    }
  }

  /** Per-event handled events: together in one transaction, or one by one after a failed run. */
  private async consumeSingles(
    run: Item[],
    resolveOffset: (offset: string) => void,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
    isStale: () => boolean,
  ): Promise<void> {
    const { topic, partition } = run[0].raw;
    const one = async (item: Item) => {
      await this.consume({ topic, partition, message: item.message, heartbeat });
      failpoint('consumer.after-commit');
      resolveOffset(item.message.offset);
      await heartbeat();
    };
    if (run.length === 1 || this.aloneFor > 0) {
      // After a failed run the next events go one by one for a while: a stream of poison (events
      // for orders this service never saw, say) would otherwise cost every event a rolled-back try.
      for (const item of run) {
        if (!isRunning() || isStale()) return;
        await one(item);
        this.aloneFor = Math.max(0, this.aloneFor - 1);
      }
      return;
    }
    const messages = run.map((x) => x.message);
    const failedAt = await this.consumeTogether(topic, partition, messages);
    if (failedAt === null) {
      failpoint('consumer.after-commit');
      resolveOffset(messages[messages.length - 1].offset);
      return;
    }
    this.aloneFor = this.options.batchSize;
    if (failedAt < 0) {
      // Nothing to blame on one event (a deadlock, a lost connection): each on its own.
      for (const item of run) {
        if (!isRunning() || isStale()) return;
        await one(item);
      }
      return;
    }
    // The events before the failing one again together, then that one alone with its retries and dead letter.
    const before = messages.slice(0, failedAt);
    if (before.length > 1 && (await this.consumeTogether(topic, partition, before)) === null) resolveOffset(before[before.length - 1].offset);
    else for (const item of run.slice(0, failedAt)) await one(item);
    if (!isRunning() || isStale()) return;
    for (const item of run.slice(failedAt)) {
      if (!isRunning() || isStale()) return;
      await one(item);
    }
  }

  private aloneFor = 0;

  /**
   * Applies a run for one batch handler in one transaction: the inbox rows of all its events in
   * one statement, then the handler with the events not applied before. If anything fails, the
   * transaction is rolled back and the events are applied one at a time, each with its retries
   * and, at the end of them, its dead letter.
   */
  private async applyRun(topic: string, partition: number, run: Item[], handler: Handler, heartbeat: () => Promise<void>): Promise<void> {
    const ours = run.filter((x) => x.batch !== null);
    const events = ours.map((x) => (x.decoded as { ok: true; envelope: EventEnvelope }).envelope);
    if (events.length === 0) return;
    let fresh: Set<string> = new Set();
    let committed: (() => void)[] = [];
    const spans = events.map((e) =>
      tracer().startSpan(`process ${topic}`, this.spanOptions({ topic, partition, offset: '' }, e), contextFromTraceparent(e.traceparent)),
    );
    try {
      // Optimistic like any shared run (ADR 0012): it gives up at a short lock timeout rather than
      // wait on a row a request or another run holds; its events then go one by one, and wait.
      await this.transactions!.optimistic(async (manager) => {
        committed = [];
        fresh = await claimInboxMany(manager, this.options.groupId, events);
        // A redelivery inside the run itself (the same event id twice) is applied once, the first time.
        const seen = new Set<string>();
        const taken = ours.map((x, i) => ({ e: events[i], offset: x.message.offset })).filter(({ e }) => fresh.has(e.id) && !seen.has(e.id) && seen.add(e.id));
        const applied = taken.map((x) => x.e);
        if (applied.length === 0) return;
        const traces = new Map<string, string>();
        applied.forEach((e) => {
          const tp = traceparentOf(trace.setSpan(ROOT_CONTEXT, spans[events.indexOf(e)]));
          if (tp) traces.set(e.id, tp);
        });
        const afterCommit = (work: () => void) => void committed.push(AsyncResource.bind(work));
        const run = { events: applied, offsets: taken.map((x) => x.offset), manager, topic, partition, afterCommit };
        await consumedTraces.run(traces, () => this.invokeRun(handler, run));
      });
    } catch (e) {
      for (const span of spans) span.end();
      this.logger.log?.(
        { topic, partition, fromOffset: run[0].message.offset, events: events.length, err: (e as Error).message },
        'shared run rolled back; applying its events one at a time',
      );
      for (const item of ours) await this.consumeAlone(item, item.batch!, heartbeat);
      return;
    }
    runAfterCommit(committed, this.logger);
    const counted = new Set<string>();
    for (const [index, e] of events.entries()) {
      const outcome = fresh.has(e.id) && !counted.has(e.id) && counted.add(e.id) ? 'applied' : 'duplicate';
      spans[index].setAttributes({ 'omni.consume.outcome': outcome, 'omni.consume.attempts': 1, 'omni.consume.batch_size': events.length });
      spans[index].end();
      this.metrics?.eventConsumed(topic, e.type, outcome);
    }
  }

  /** One event of a batch handler's types on its own, with retries and a dead letter at the end. */
  private async consumeAlone(item: Item, handler: Handler, heartbeat: () => Promise<void>): Promise<void> {
    const envelope = (item.decoded as { ok: true; envelope: EventEnvelope }).envelope;
    const { topic, partition } = item.raw;
    const attempt = async () => {
      let applied = false;
      let committed: (() => void)[] = [];
      await this.transactions!.run(async (manager) => {
        committed = [];
        applied = (await claimInboxMany(manager, this.options.groupId, [envelope])).size === 1;
        const afterCommit = (work: () => void) => void committed.push(AsyncResource.bind(work));
        if (applied) await this.invokeRun(handler, { events: [envelope], offsets: [item.raw.offset], manager, topic, partition, afterCommit });
      });
      runAfterCommit(committed, this.logger);
      return applied ? 'applied' : ('duplicate' as const);
    };
    await inSpan(`process ${topic}`, this.spanOptions(item.raw, envelope), contextFromTraceparent(envelope.traceparent), (span) =>
      this.retrier.withRetries(span, item.raw, envelope, heartbeat, attempt),
    );
  }

  private async invokeRun(handler: Handler, run: EventRun): Promise<void> {
    const result = await handler(run, { topic: run.topic, partition: run.partition, offset: '', attempt: 1 });
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
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
      await this.transactions!.shared(async () => {
        for (const [index, message] of messages.entries()) {
          current = index;
          const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers };
          const decoded = decodeWireMessage(raw);
          if (!decoded.ok) throw new Error(`event at offset ${message.offset} fails its schema`);
          const envelope = decoded.envelope;
          const handler = this.handlerOf(envelope.type);
          if (!handler) continue;
          const scope = { duplicate: false };
          await inSpan(`process ${topic}`, this.spanOptions(raw, envelope), contextFromTraceparent(envelope.traceparent), async (span) => {
            await consumeScope.run(scope, () => this.invoke(handler, envelope, { topic, partition, offset: message.offset, attempt: 1 }));
            span.setAttributes({
              'omni.consume.outcome': scope.duplicate ? 'duplicate' : 'applied',
              'omni.consume.attempts': 1,
              'omni.consume.batch_size': messages.length,
            });
          });
          outcomes.push({ type: envelope.type, outcome: scope.duplicate ? 'duplicate' : 'applied' });
        }
        current = -1; // what fails now is the commit
      });
    } catch (e) {
      this.logger.log?.(
        { topic, partition, fromOffset: messages[0].offset, events: messages.length, failedAt: current, err: (e as Error).message },
        'shared run rolled back',
      );
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
    if (!decoded.ok) return await this.retrier.deadLetter(raw, decoded.failure, 0);
    const envelope = decoded.envelope;
    const handler = this.handlerOf(envelope.type);
    if (!handler) return; // an event this service does not act on
    await inSpan(`process ${topic}`, this.spanOptions(raw, envelope), contextFromTraceparent(envelope.traceparent), (s) =>
      this.consumeWithRetries(s, raw, envelope, handler, heartbeat),
    );
  }

  private consumeWithRetries(
    span: Span,
    raw: Parameters<typeof deadLetterFor>[0],
    envelope: EventEnvelope,
    handler: Handler,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { topic, partition, offset } = raw;
    return this.retrier.withRetries(span, raw, envelope, heartbeat, async (attempt) => {
      const scope = { duplicate: false };
      await consumeScope.run(scope, () => this.invoke(handler, envelope, { topic, partition, offset, attempt }));
      return scope.duplicate ? 'duplicate' : 'applied';
    });
  }

  private async invoke(handler: Handler, envelope: EventEnvelope, ctx: EventContext): Promise<void> {
    const context = { correlationId: envelope.correlationId, causationId: envelope.id };
    await requestContext.run(context, async () => {
      const result = await handler(envelope, ctx);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    });
  }
}

/** What a batch handler asked to do once its run committed; a failure there never undoes the run. */
function runAfterCommit(work: readonly (() => void)[], logger: { warn?: (message: unknown, context?: string) => void }): void {
  for (const w of work) {
    try {
      w();
    } catch (e) {
      logger.warn?.({ err: (e as Error).message }, 'after-commit work of a batch run failed');
    }
  }
}
